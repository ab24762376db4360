using System.Collections.Concurrent;
using System.Diagnostics;
using Halyard.Core.Execution;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Ws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Hyperliquid.Execution;

/// <summary>
/// Trades one Hyperliquid account: commands from the kernel thread return at once and are signed and sent on the
/// thread pool; exchange answers and the account's <c>orderUpdates</c>/<c>userFills</c>/<c>userEvents</c> streams go
/// through one <see cref="OrderTracker"/>, so each order event reaches the kernel exactly once whatever order they
/// arrive in. After every reconnect it reconciles (open orders, fills since the last one seen, positions); while
/// healthy it keeps the dead man's switch armed. Reads use the owner (vault, else master), never the agent.
/// </summary>
public sealed partial class HyperliquidExecutionClient : IExecutionClient, IAsyncDisposable
{
    public const string DefaultClientId = "HYPERLIQUID-EXEC";
    public static readonly Venue HyperliquidVenue = new("HYPERLIQUID");

    private static readonly ConcurrentDictionary<string, NonceAllocator> NoncesBySigner = new(StringComparer.Ordinal);

    private readonly HyperliquidExecClientConfig _config;
    private readonly KernelInbox _inbox;
    private readonly IClock _clock;
    private readonly HyperliquidMetrics? _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly PrivateKey? _key;
    private readonly Exception? _keyError;
    private readonly string _owner;
    private readonly OrderTracker _tracker;
    private readonly HyperliquidInstrumentProvider _instruments;
    private readonly HyperliquidInfoClient _info;
    private readonly RestWeightLimiter _limiter;
    private readonly ConcurrentDictionary<ClientOrderId, long> _submittedAt = new();
    private readonly ConcurrentDictionary<string, decimal> _mids = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private HyperliquidExchangeClient? _exchange;
    private HyperliquidWebSocket? _socket;
    private DeadManSwitch? _deadMan;
    private volatile bool _connected;
    private int _reconciling;

    public HyperliquidExecutionClient(HyperliquidExecClientConfig config, KernelInbox inbox, IClock clock, HyperliquidMetrics? metrics = null,
        ILoggerFactory? loggerFactory = null, HttpClient? httpClient = null)
    {
        _config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _metrics = metrics;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _log = _loggerFactory.CreateLogger<HyperliquidExecutionClient>();
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            // Loaded now so the account is known before connecting; a bad key is reported by ConnectAsync.
            _key = _config.Credentials.LoadKey();
            _owner = _config.Credentials.OwnerAddress(_key);
        }
        catch (HyperliquidConfigException ex)
        {
            _keyError = ex;
            _owner = _config.OwnerAddress ?? "unconfigured";
        }
        AccountId = new AccountId($"HYPERLIQUID-{_owner}");
        _limiter = new RestWeightLimiter(weightPerMinute: _config.RestWeightPerMinute);
        RestOptions = new HyperliquidRestOptions
        {
            BaseUrl = _config.ResolvedEndpoints.RestUrl,
            AttemptTimeout = _config.RequestTimeout,
            MaxRetries = _config.MaxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromSeconds(5),
        };
        _info = new HyperliquidInfoClient(_http, RestOptions, _limiter);
        _instruments = new HyperliquidInstrumentProvider(FetchInfoAsync, new HyperliquidInstrumentConfig { RefreshInterval = TimeSpan.Zero },
            () => _clock.UtcNowNs, logger: _loggerFactory.CreateLogger<HyperliquidInstrumentProvider>());
        _tracker = new OrderTracker(AccountId, () => _instruments.Table, () => _clock.UtcNowNs, Emit);
    }

    public string ClientId { get; init; } = DefaultClientId;
    public Venue Venue => HyperliquidVenue;
    public AccountId AccountId { get; }
    public bool IsConnected => _connected;

    /// <summary>The address whose orders, fills and positions these are (vault, else master, else the key's own).</summary>
    public string OwnerAddress => _owner;

    internal HyperliquidRestOptions RestOptions { get; }

    /// <summary>What the venue said about our orders, for diagnostics and tests.</summary>
    public OrderTracker Tracker => _tracker;

    /// <summary>The markets loaded at connect.</summary>
    public MarketTable Markets => _instruments.Table;

    /// <summary>Requests sent as WebSocket posts (with <see cref="HyperliquidExecClientConfig.UseWebSocketPost"/>).</summary>
    public long WebSocketPostsSent => _socket?.PostsSent ?? 0;

    /// <summary>The dead man's switch (null when off or not connected yet).</summary>
    public DeadManSwitch? DeadManSwitch => _deadMan;

    public async Task ConnectAsync(CancellationToken ct)
    {
        if (_keyError is not null) throw _keyError;
        if (_connected) return;
        var signer = new HyperliquidSigner(_key!, _config.Network == HyperliquidNetwork.Mainnet);
        NonceAllocator nonces = NoncesBySigner.GetOrAdd(signer.Address, _ => new NonceAllocator(TimeProvider.System));

        MarketTable markets = await _instruments.LoadAsync(ct).ConfigureAwait(false);
        foreach (HyperliquidMarket market in markets.Markets) _inbox.Post(market.Instrument);

        _socket = new HyperliquidWebSocket(new HyperliquidWebSocketOptions
            {
                Url = _config.ResolvedEndpoints.WsUrl,
                PingInterval = _config.PingInterval,
                SendBudget = new RestWeightLimiter(weightPerMinute: _config.WsMessagesPerMinute, cancelReserve: 0),
            },
            OnFrame, _loggerFactory.CreateLogger<HyperliquidWebSocket>());
        _socket.Reconnected += OnReconnected;
        _socket.Disconnected += OnDisconnected;
        await _socket.SubscribeAsync(WsSubscription.OrderUpdates(_owner), ct).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.UserFills(_owner), ct).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.UserEvents(_owner), ct).ConfigureAwait(false);
        await _socket.SubscribeAsync(WsSubscription.AllMids(), ct).ConfigureAwait(false);
        await _socket.StartAsync(ct).ConfigureAwait(false);

        _exchange = new HyperliquidExchangeClient(_http, signer, nonces, RestOptions, _limiter, accountAddress: _owner,
            vaultAddress: _config.Credentials.VaultAddress)
        {
            WebSocket = _config.UseWebSocketPost ? _socket : null,
        };

        await SetLeverageAsync(markets, ct).ConfigureAwait(false);
        await PostAccountStateAsync(ct).ConfigureAwait(false);

        if (_config.DeadManSwitchWindow is TimeSpan window)
        {
            _deadMan = new DeadManSwitch(_exchange, _inbox, () => _socket.State, window, _config.DeadManSwitchRefresh,
                _loggerFactory.CreateLogger<DeadManSwitch>());
            await _deadMan.StartAsync(ct).ConfigureAwait(false);
        }
        _connected = true;
        if (_config.ReconciliationEnabled) _ = PeriodicReconciliationAsync();
        _log.LogInformation("Hyperliquid execution connected for {Owner} (signer {Signer}, {Markets} markets, WS post {Post})",
            _owner, signer.Address, markets.Markets.Count, _config.UseWebSocketPost);
    }

    /// <summary>Sets the configured leverage (cross) per instrument; a refusal fails the connect with the venue's reason.</summary>
    private async Task SetLeverageAsync(MarketTable markets, CancellationToken ct)
    {
        foreach (var (id, leverage) in _config.Leverage)
        {
            if (!markets.TryGetByInstrument(id, out HyperliquidMarket market))
                throw new InvalidOperationException($"Leverage is configured for {id}, which the venue does not list");
            var result = await _exchange!.UpdateLeverageAsync(new Wire.UpdateLeverageAction(market.AssetId, isCross: true, leverage), ct).ConfigureAwait(false);
            if (!result.IsSuccess) throw new InvalidOperationException($"setting leverage {leverage}x for {id} failed: {result.Error}");
            if (!result.Value.IsOk) throw new InvalidOperationException($"setting leverage {leverage}x for {id} was refused: {result.Value.Error}");
        }
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (!_connected) return;
        _connected = false;
        if (_deadMan is not null)
        {
            await _deadMan.StopAsync(disarm: true, ct).ConfigureAwait(false);
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_socket is not null) await _socket.DisposeAsync().ConfigureAwait(false);
        _log.LogInformation("Hyperliquid execution disconnected for {Owner}", _owner);
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        await _instruments.DisposeAsync().ConfigureAwait(false);
        if (_ownsHttp) _http.Dispose();
        _stop.Dispose();
    }

    /// <summary>Everything the tracker produces goes to the kernel; accepts and rejects close the order-latency sample.</summary>
    private void Emit(object message)
    {
        ClientOrderId? answered = message switch
        {
            OrderAccepted a => a.ClientOrderId,
            OrderRejected r => r.ClientOrderId,
            _ => null,
        };
        if (answered is ClientOrderId id && _submittedAt.TryRemove(id, out long started))
            _metrics?.OrderLatency.RecordNanoseconds((long)Stopwatch.GetElapsedTime(started).TotalNanoseconds);
        _inbox.Post(message);
    }

    private async ValueTask<ReadOnlyMemory<byte>> FetchInfoAsync(string requestType, CancellationToken ct)
    {
        byte[] body = requestType switch
        {
            "metaAndAssetCtxs" => InfoRequestBody.MetaAndAssetContexts(),
            _ => throw new NotSupportedException($"info request {requestType} is not used by the execution client"),
        };
        var result = await _info.PostRawAsync(requestType, body, ct).ConfigureAwait(false);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"loading instruments ({requestType}) failed: {result.Error}");
    }

    private long NowMs => _clock.UtcNowNs / 1_000_000;

    private CancellationToken Stopping => _stop.Token;
}
