namespace Halyard.Cli.Hosting;

/// <summary>
/// The shape of a `halyard live --config FILE` JSON file, as bound by Microsoft.Extensions.Configuration
/// (property names are matched case-insensitively; durations are text such as "30s"). Every field is optional
/// except the strategies; <see cref="LiveConfigLoader"/> turns it into validated configs. Never holds a key:
/// <see cref="KeySection"/> says where the key is (an environment variable or a key file).
/// </summary>
public sealed class LiveConfigFile
{
    public string? TraderId { get; set; }
    /// <summary>"testnet" (the default) or "mainnet".</summary>
    public string? Network { get; set; }
    /// <summary>Mainnet also needs `--allow-mainnet` or HALYARD_ALLOW_MAINNET=1: a file alone never enables real money.</summary>
    public bool AllowMainnet { get; set; }
    /// <summary>REST base URL of another server (e.g. a simulator); the WebSocket is the same host at /ws.</summary>
    public string? RestUrl { get; set; }
    public List<string>? Instruments { get; set; }
    public KeySection Key { get; set; } = new();
    public DataSection Data { get; set; } = new();
    public ExecSection Exec { get; set; } = new();
    public NodeSection Node { get; set; } = new();
    public RiskSection Risk { get; set; } = new();
    public RiskManagerSection RiskManager { get; set; } = new();
    public RedisSection Redis { get; set; } = new();
    public MonitoringSection Monitoring { get; set; } = new();
    public List<StrategySection>? Strategies { get; set; }

    public sealed class KeySection
    {
        /// <summary>Environment variable holding the key; HYPERLIQUID_TESTNET_PK or HYPERLIQUID_PK by network when neither this nor File is set.</summary>
        public string? Variable { get; set; }
        /// <summary>A file holding only the key (0x + 64 hex).</summary>
        public string? File { get; set; }
        /// <summary>The master account when the key is an agent (API) wallet's.</summary>
        public string? AccountAddress { get; set; }
        public string? VaultAddress { get; set; }
    }

    public sealed class DataSection
    {
        public bool? SubscribeQuotes { get; set; }
        public bool? SubscribeTrades { get; set; }
        public bool? SubscribeBook { get; set; }
        public bool? SubscribeMarkPrices { get; set; }
        public string? PingInterval { get; set; }
        public string? InstrumentRefresh { get; set; }
    }

    public sealed class ExecSection
    {
        public int? MaxRetries { get; set; }
        public decimal? MarketSlippage { get; set; }
        /// <summary>Instrument → leverage (cross), set at start.</summary>
        public Dictionary<string, int>? Leverage { get; set; }
        public bool? UseWebSocketPost { get; set; }
        public bool? ReconciliationEnabled { get; set; }
        public string? ReconciliationInterval { get; set; }
        /// <summary>"off" disables the dead man's switch.</summary>
        public string? DeadManSwitchWindow { get; set; }
        public string? DeadManSwitchRefresh { get; set; }
        public string? RequestTimeout { get; set; }
    }

    public sealed class NodeSection
    {
        public string? ConnectTimeout { get; set; }
        public string? DisconnectTimeout { get; set; }
        public string? StopTimeout { get; set; }
        public bool? CancelOrdersOnStop { get; set; }
        public bool? ClosePositionsOnStop { get; set; }
        public bool? ReconcileOnStart { get; set; }
        public string? ReconciliationLookback { get; set; }
    }

    public sealed class RiskSection
    {
        public decimal? MaxNotionalPerOrder { get; set; }
        public Dictionary<string, decimal>? MaxNotionalPerInstrument { get; set; }
        public int? MaxOrderSubmitRate { get; set; }
        public int? MaxOrderModifyRate { get; set; }
    }

    public sealed class RiskManagerSection
    {
        /// <summary>Protective stop distance as a fraction of the entry price (0.02 = 2 %).</summary>
        public decimal? StopLossPercent { get; set; }
        /// <summary>Protective stop distance in quote currency.</summary>
        public decimal? StopLossAbsolute { get; set; }
        public decimal? TakeProfitPercent { get; set; }
        public string? ProtectionTimeout { get; set; }
        public bool? FlattenUnprotected { get; set; }
        public decimal? MaxPositionSize { get; set; }
        public decimal? MaxPositionNotional { get; set; }
        public decimal? MaxTotalExposure { get; set; }
        public decimal? MaxLeverage { get; set; }
        public decimal? MaxOrderNotional { get; set; }
        public int? MaxOpenOrders { get; set; }
        public decimal? DailyLossLimit { get; set; }
        public decimal? MaxDrawdown { get; set; }
        public bool? FlattenOnHalt { get; set; }
    }

    public sealed class RedisSection
    {
        public bool Enabled { get; set; }
        /// <summary>StackExchange.Redis connection string; HALYARD_REDIS overrides it.</summary>
        public string? Connection { get; set; }
    }

    public sealed class MonitoringSection
    {
        /// <summary>Serve Prometheus text at http://127.0.0.1:PORT/metrics; 0 or absent = off.</summary>
        public int? MetricsPort { get; set; }
        /// <summary>Log an alert when a client stays disconnected this long.</summary>
        public string? DisconnectAlertAfter { get; set; }
    }

    public sealed class StrategySection
    {
        /// <summary>A name from the strategy registry (`halyard live --help` lists them).</summary>
        public string? Name { get; set; }
        public string? Instrument { get; set; }
    }
}
