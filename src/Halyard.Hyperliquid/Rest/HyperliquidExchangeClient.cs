using System.Buffers;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// Signed POST /exchange calls (PROTOCOL §4–5). Each call takes a typed action, allocates a nonce, signs once and
/// posts; answers become typed results: per-order <see cref="ExchangeStatus"/> lists, a whole-request
/// <c>status:"err"</c> as <see cref="ApiErrorKind.Rejected"/>, HTTP failures as their kinds.
/// <para>
/// Retries are at-most-once: a lost answer is retried with the <b>same signed bytes</b> (same nonce), which the venue
/// refuses to execute twice; for orders whose every entry has a cloid, <c>orderStatus</c> by cloid is asked first
/// and, when the venue already knows them all, their state is returned without re-sending.
/// </para>
/// </summary>
public sealed partial class HyperliquidExchangeClient
{
    private readonly HyperliquidHttpTransport _transport;
    private readonly HyperliquidSigner _signer;
    private readonly NonceAllocator _nonces;
    private readonly AddressActionLimiter _actions;
    private readonly HyperliquidInfoClient _info;
    private readonly string? _vaultAddress;

    /// <param name="signer">The key that signs (master or agent) and its network.</param>
    /// <param name="nonces">The allocator of that key (one per signer, shared by every client using it).</param>
    /// <param name="accountAddress">The account whose orders these are (master, sub-account or vault): used for
    /// <c>orderStatus</c> look-ups; defaults to the vault address, then the signer's address.</param>
    /// <param name="vaultAddress">Act for this sub-account or vault (part of the L1 hash).</param>
    public HyperliquidExchangeClient(HttpClient http, HyperliquidSigner signer, NonceAllocator nonces, HyperliquidRestOptions? options = null,
        RestWeightLimiter? limiter = null, AddressActionLimiter? actionLimiter = null, string? accountAddress = null, string? vaultAddress = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _nonces = nonces ?? throw new ArgumentNullException(nameof(nonces));
        Options = options ?? new HyperliquidRestOptions();
        Options.Validate();
        _transport = new HyperliquidHttpTransport(http, Options, limiter ?? new RestWeightLimiter(Options.TimeProvider));
        _actions = actionLimiter ?? new AddressActionLimiter(Options.TimeProvider);
        _info = new HyperliquidInfoClient(_transport, Options);
        _vaultAddress = vaultAddress?.ToLowerInvariant();
        AccountAddress = (accountAddress ?? vaultAddress ?? signer.Address).ToLowerInvariant();
    }

    public HyperliquidRestOptions Options { get; }

    /// <summary>The account whose orders are looked up after a lost answer.</summary>
    public string AccountAddress { get; }

    /// <summary>
    /// When set and connected, actions go out as WS <c>post</c>s (lower latency, no REST weight); when it is not
    /// connected, over HTTP. Retry and recovery rules are the same on both paths.
    /// </summary>
    public Ws.HyperliquidWebSocket? WebSocket { get; init; }

    /// <summary>Optional <c>expiresAfter</c> (ms since epoch) applied to L1 actions; null to omit.</summary>
    public Func<ulong?> ExpiresAfter { get; init; } = () => null;

    public Task<ApiResult<IReadOnlyList<ExchangeStatus>>> PlaceOrdersAsync(OrderAction action, CancellationToken ct = default) =>
        StatusesAsync(action, action.Orders.Count, RequestPriority.Normal, CloidsOf(action.Orders), ct);

    public Task<ApiResult<IReadOnlyList<ExchangeStatus>>> CancelAsync(CancelAction action, CancellationToken ct = default) =>
        StatusesAsync(action, action.Cancels.Count, RequestPriority.Cancel, null, ct);

    public Task<ApiResult<IReadOnlyList<ExchangeStatus>>> CancelByCloidAsync(CancelByCloidAction action, CancellationToken ct = default) =>
        StatusesAsync(action, action.Cancels.Count, RequestPriority.Cancel, null, ct);

    /// <summary>A modify cancels and replaces: expect a new oid in the status.</summary>
    public Task<ApiResult<IReadOnlyList<ExchangeStatus>>> ModifyAsync(ModifyAction action, CancellationToken ct = default) =>
        StatusesAsync(action, 1, RequestPriority.Normal, CloidsOf([action.Order]), ct);

    public Task<ApiResult<IReadOnlyList<ExchangeStatus>>> BatchModifyAsync(BatchModifyAction action, CancellationToken ct = default) =>
        StatusesAsync(action, action.Modifies.Count, RequestPriority.Normal, CloidsOf(action.Modifies.Select(m => m.Order).ToList()), ct);

    /// <summary>Dead man's switch: cancel everything at <paramref name="action"/>.Time (null clears it).</summary>
    public Task<ApiResult<ExchangeResponse>> ScheduleCancelAsync(ScheduleCancelAction action, CancellationToken ct = default) =>
        SendL1Async(action, 1, RequestPriority.Cancel, null, ct);

    public Task<ApiResult<ExchangeResponse>> UpdateLeverageAsync(UpdateLeverageAction action, CancellationToken ct = default) =>
        SendL1Async(action, 1, RequestPriority.Normal, null, ct);

    public Task<ApiResult<ExchangeResponse>> UpdateIsolatedMarginAsync(UpdateIsolatedMarginAction action, CancellationToken ct = default) =>
        SendL1Async(action, 1, RequestPriority.Normal, null, ct);

    /// <summary>Burns a nonce: sent with the nonce of a lost action, it would invalidate it; here it simply uses the next one.</summary>
    public Task<ApiResult<ExchangeResponse>> NoopAsync(CancellationToken ct = default) =>
        SendL1Async(NoopAction.Instance, 1, RequestPriority.Normal, null, ct);

    /// <summary>Approves an API wallet (user-signed by the master key; the nonce is allocated here).</summary>
    public Task<ApiResult<ExchangeResponse>> ApproveAgentAsync(string agentAddress, string? agentName = null, CancellationToken ct = default) =>
        SendUserSignedAsync(new ApproveAgentAction(agentAddress, agentName, _nonces.Next()), ct);

    /// <summary>Moves USDC between spot and perp balances (append a sub-account via the action's own field).</summary>
    public Task<ApiResult<ExchangeResponse>> UsdClassTransferAsync(decimal amount, bool toPerp, string? subAccount = null, CancellationToken ct = default) =>
        SendUserSignedAsync(new UsdClassTransferAction(amount, toPerp, _nonces.Next(), subAccount), ct);

    /// <summary>Withdraws USDC to <paramref name="destination"/> (master key only; never give an agent this path).</summary>
    public Task<ApiResult<ExchangeResponse>> WithdrawAsync(string destination, decimal amount, CancellationToken ct = default) =>
        SendUserSignedAsync(new WithdrawAction(destination, amount, _nonces.Next()), ct);

    /// <summary>Signs and sends any user-signed action built by the caller (its nonce is the envelope nonce).</summary>
    public async Task<ApiResult<ExchangeResponse>> SendUserSignedAsync(IUserSignedAction action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _actions.AcquireAsync(1, RequestPriority.Normal, ct).ConfigureAwait(false);
        var signature = _signer.SignUserAction(action);
        byte[] body = Write(json => ExchangeRequestJson.WriteUserSigned(json, action, _signer.IsMainnet, signature, _signer.SignatureChainId));
        return await PostSignedAsync(body, 1, RequestPriority.Normal, null, ct).ConfigureAwait(false);
    }

    /// <summary>Signs and sends any L1 action; statuses, if any, are in the response.</summary>
    public async Task<ApiResult<ExchangeResponse>> SendL1Async(IL1Action action, int batchLength, RequestPriority priority,
        IReadOnlyList<Cloid>? cloids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _actions.AcquireAsync(Math.Max(1, batchLength), priority, ct).ConfigureAwait(false);
        ulong nonce = _nonces.Next();
        ulong? expiresAfter = ExpiresAfter();
        var signed = _signer.SignL1(action, nonce, _vaultAddress, expiresAfter);
        byte[] body = Write(json => ExchangeRequestJson.WriteL1(json, action, nonce, signed.Signature, _vaultAddress, expiresAfter));
        return await PostSignedAsync(body, batchLength, priority, cloids, ct).ConfigureAwait(false);
    }

    private async Task<ApiResult<IReadOnlyList<ExchangeStatus>>> StatusesAsync(IL1Action action, int batchLength, RequestPriority priority,
        IReadOnlyList<Cloid>? cloids, CancellationToken ct)
    {
        var response = await SendL1Async(action, batchLength, priority, cloids, ct).ConfigureAwait(false);
        return response.Map(r => r.Statuses);
    }

    private static IReadOnlyList<Cloid>? CloidsOf(IReadOnlyList<OrderWire> orders)
    {
        var cloids = new List<Cloid>(orders.Count);
        foreach (var order in orders)
        {
            if (order.Cloid is not { } cloid) return null; // without a cloid for every order the venue cannot be asked
            cloids.Add(cloid);
        }
        return cloids;
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return buffer.WrittenSpan.ToArray();
    }
}
