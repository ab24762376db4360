using Halyard.Core.Model;

namespace Halyard.Hyperliquid;

/// <summary>How the execution client signs, submits, reconciles and keeps its dead man's switch armed.</summary>
public sealed record HyperliquidExecClientConfig
{
    public HyperliquidNetwork Network { get; init; } = HyperliquidNetwork.Testnet;
    /// <summary>Mainnet is refused unless this is set.</summary>
    public bool AllowMainnet { get; init; }
    public HyperliquidEndpoints? Endpoints { get; init; }
    public required HyperliquidCredentials Credentials { get; init; }
    /// <summary>Retries of a failed REST request (timeouts, 5xx, 429); a retried order keeps its cloid, so it is never placed twice.</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>A MARKET order is an IOC limit this far through the reference price (0.05 = 5 %).</summary>
    public decimal MarketSlippage { get; init; } = 0.05m;
    /// <summary>Leverage set per instrument at start (cross margin); instruments not listed keep the venue's setting.</summary>
    public IReadOnlyDictionary<InstrumentId, int> Leverage { get; init; } = new Dictionary<InstrumentId, int>();
    /// <summary>Submit orders over the WebSocket <c>post</c> channel instead of HTTP (lower latency).</summary>
    public bool UseWebSocketPost { get; init; }
    /// <summary>Bring the cache to the venue's truth on start, after every reconnect and every <see cref="ReconciliationInterval"/>.</summary>
    public bool ReconciliationEnabled { get; init; } = true;
    public TimeSpan ReconciliationInterval { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How far ahead <c>scheduleCancel</c> is kept armed while healthy; null turns the dead man's switch off.</summary>
    public TimeSpan? DeadManSwitchWindow { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How often the switch is pushed forward; must be well inside the window.</summary>
    public TimeSpan DeadManSwitchRefresh { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>REST weight the client spends per minute (the venue allows 1200 per IP); raise only against a local simulator.</summary>
    public int RestWeightPerMinute { get; init; } = 1200;
    /// <summary>WebSocket frames (posts included) the client sends per minute (the venue allows 2000 per IP).</summary>
    public int WsMessagesPerMinute { get; init; } = 2000;
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    public HyperliquidEndpoints ResolvedEndpoints => Endpoints ?? HyperliquidEndpoints.For(Network);

    public HyperliquidExecClientConfig Validate()
    {
        HyperliquidConfigs.ValidateNetwork(Network, AllowMainnet, Endpoints);
        ResolvedEndpoints.Validate(nameof(Endpoints));
        if (Credentials is null) throw new HyperliquidConfigException(nameof(Credentials), null, "are required");
        Credentials.Validate(nameof(Credentials));
        if (MaxRetries is < 0 or > 10) throw new HyperliquidConfigException(nameof(MaxRetries), MaxRetries, "must be between 0 and 10");
        if (MarketSlippage is <= 0m or > 0.5m) throw new HyperliquidConfigException(nameof(MarketSlippage), MarketSlippage, "must be above 0 and at most 0.5 (a fraction, 0.05 = 5 %)");
        if (Leverage is null) throw new HyperliquidConfigException(nameof(Leverage), null, "must not be null");
        foreach (var (id, leverage) in Leverage)
            if (leverage is < 1 or > 100)
                throw new HyperliquidConfigException($"{nameof(Leverage)}[{id}]", leverage, "must be between 1 and 100");
        if (ReconciliationEnabled && ReconciliationInterval < TimeSpan.FromSeconds(1))
            throw new HyperliquidConfigException(nameof(ReconciliationInterval), ReconciliationInterval, "must be at least 1 s");
        if (DeadManSwitchWindow is TimeSpan window)
        {
            if (window < TimeSpan.FromSeconds(5))
                throw new HyperliquidConfigException(nameof(DeadManSwitchWindow), window, "must be at least 5 s (the venue refuses a scheduleCancel sooner than that)");
            if (DeadManSwitchRefresh <= TimeSpan.Zero || DeadManSwitchRefresh * 2 > window)
                throw new HyperliquidConfigException(nameof(DeadManSwitchRefresh), DeadManSwitchRefresh, "must be positive and at most half of DeadManSwitchWindow");
        }
        if (RequestTimeout < TimeSpan.FromMilliseconds(100) || RequestTimeout > TimeSpan.FromMinutes(2))
            throw new HyperliquidConfigException(nameof(RequestTimeout), RequestTimeout, "must be between 100 ms and 2 min");
        if (RestWeightPerMinute < 200) throw new HyperliquidConfigException(nameof(RestWeightPerMinute), RestWeightPerMinute, "must be at least 200");
        if (WsMessagesPerMinute < 100) throw new HyperliquidConfigException(nameof(WsMessagesPerMinute), WsMessagesPerMinute, "must be at least 100");
        if (PingInterval < TimeSpan.FromSeconds(1) || PingInterval > TimeSpan.FromSeconds(50))
            throw new HyperliquidConfigException(nameof(PingInterval), PingInterval, "must be between 1 s and 50 s (the venue closes idle sockets after 60 s)");
        return this;
    }

    /// <summary>The address that owns orders and positions: vault, else the agent's master, else unknown until the key is loaded.</summary>
    public string? OwnerAddress => Credentials.VaultAddress ?? Credentials.AccountAddress;
}
