using System.Text.Json.Serialization.Metadata;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// Typed POST /info calls (PROTOCOL §3). Every call returns an <see cref="ApiResult{T}"/> that says what failed;
/// requests take their weight from the shared <see cref="RestWeightLimiter"/> and are retried with backoff on
/// 429, 5xx and timeouts. History calls page through time ranges beyond the venue's per-answer limit.
/// </summary>
public sealed partial class HyperliquidInfoClient
{
    private static readonly HyperliquidJsonContext Json = HyperliquidJsonContext.Default;
    private readonly HyperliquidHttpTransport _transport;

    /// <param name="http">A caller-owned <see cref="HttpClient"/> (its own Timeout is not used; attempts time out per options).</param>
    /// <param name="limiter">The per-IP budget, shared with the exchange client of the same process.</param>
    public HyperliquidInfoClient(HttpClient http, HyperliquidRestOptions? options = null, RestWeightLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        Options = options ?? new HyperliquidRestOptions();
        Options.Validate();
        _transport = new HyperliquidHttpTransport(http, Options, limiter ?? new RestWeightLimiter(Options.TimeProvider));
    }

    internal HyperliquidInfoClient(HyperliquidHttpTransport transport, HyperliquidRestOptions options)
    {
        _transport = transport;
        Options = options;
    }

    public HyperliquidRestOptions Options { get; }

    public RestWeightLimiter Limiter => _transport.Limiter;

    public Task<ApiResult<PerpMeta>> GetMetaAsync(string? dex = null, CancellationToken ct = default) =>
        PostAsync("meta", InfoRequestBody.Meta(dex), Json.PerpMeta, ct);

    public Task<ApiResult<MetaAndAssetContexts>> GetMetaAndAssetContextsAsync(string? dex = null, CancellationToken ct = default) =>
        PostAsync("metaAndAssetCtxs", InfoRequestBody.MetaAndAssetContexts(dex), Json.MetaAndAssetContexts, ct);

    /// <summary>Coin → mid price (spot coins as "@index").</summary>
    public Task<ApiResult<IReadOnlyDictionary<string, decimal>>> GetAllMidsAsync(string? dex = null, CancellationToken ct = default) =>
        PostAsync("allMids", InfoRequestBody.AllMids(dex), Json.IReadOnlyDictionaryStringDecimal, ct);

    public Task<ApiResult<L2BookSnapshot>> GetL2BookAsync(string coin, int? nSigFigs = null, int? mantissa = null, CancellationToken ct = default) =>
        PostAsync("l2Book", InfoRequestBody.L2Book(coin, nSigFigs, mantissa), Json.L2BookSnapshot, ct);

    /// <summary>Positions and margin of <paramref name="user"/> (the account address, never an agent's).</summary>
    public Task<ApiResult<ClearinghouseState>> GetClearinghouseStateAsync(string user, string? dex = null, CancellationToken ct = default) =>
        PostAsync("clearinghouseState", InfoRequestBody.ClearinghouseState(user, dex), Json.ClearinghouseState, ct);

    public Task<ApiResult<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(string user, string? dex = null, CancellationToken ct = default) =>
        PostAsync("openOrders", InfoRequestBody.OpenOrders(user, dex), Json.IReadOnlyListOpenOrder, ct);

    public Task<ApiResult<IReadOnlyList<FrontendOpenOrder>>> GetFrontendOpenOrdersAsync(string user, string? dex = null, CancellationToken ct = default) =>
        PostAsync("frontendOpenOrders", InfoRequestBody.FrontendOpenOrders(user, dex), Json.IReadOnlyListFrontendOpenOrder, ct);

    /// <summary>The most recent fills (at most 2000, newest first).</summary>
    public Task<ApiResult<IReadOnlyList<UserFill>>> GetUserFillsAsync(string user, bool aggregateByTime = false, CancellationToken ct = default) =>
        PostAsync("userFills", InfoRequestBody.UserFills(user, aggregateByTime), Json.IReadOnlyListUserFill, ct);

    /// <summary>Status of an order by oid; <see cref="OrderStatusResponse.IsUnknown"/> when the venue never saw it.</summary>
    public Task<ApiResult<OrderStatusResponse>> GetOrderStatusAsync(string user, long oid, CancellationToken ct = default) =>
        PostAsync("orderStatus", InfoRequestBody.OrderStatus(user, oid), Json.OrderStatusResponse, ct);

    /// <summary>Status of an order by client order id (0x + 32 hex digits).</summary>
    public Task<ApiResult<OrderStatusResponse>> GetOrderStatusAsync(string user, string cloid, CancellationToken ct = default) =>
        PostAsync("orderStatus", InfoRequestBody.OrderStatus(user, cloid), Json.OrderStatusResponse, ct);

    public Task<ApiResult<UserRateLimit>> GetUserRateLimitAsync(string user, CancellationToken ct = default) =>
        PostAsync("userRateLimit", InfoRequestBody.UserRateLimit(user), Json.UserRateLimit, ct);

    /// <summary>Posts any info body and returns the raw answer (for request types without a typed method).</summary>
    public Task<ApiResult<byte[]>> PostRawAsync(string type, byte[] body, CancellationToken ct = default) =>
        _transport.PostAsync("/info", body, RequestWeights.Info(type), RequestPriority.Normal, retry: true, ct);

    private async Task<ApiResult<T>> PostAsync<T>(string type, byte[] body, JsonTypeInfo<T> typeInfo, CancellationToken ct)
    {
        var raw = await PostRawAsync(type, body, ct).ConfigureAwait(false);
        if (!raw.IsSuccess) return raw.Error;
        var parsed = WireJson.Parse(raw.Value, typeInfo);
        if (parsed.IsSuccess && parsed.Value is System.Collections.ICollection items)
            _transport.Limiter.Charge(RequestWeights.InfoItems(type, items.Count));
        return parsed.IsSuccess ? parsed : ApiResult<T>.Failure(ApiErrorKind.Malformed, $"{type}: {parsed.Error.Message}");
    }
}
