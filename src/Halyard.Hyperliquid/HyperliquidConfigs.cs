using Halyard.Core.Model;

namespace Halyard.Hyperliquid;

/// <summary>
/// The adapter's public configuration entry points. Each factory returns a validated, immutable record; adjust
/// one with <c>with { … }</c> and call <c>Validate()</c> again. Keys are never part of a config: they are read
/// from the environment (or a key file) when the execution client starts.
/// </summary>
public static class HyperliquidConfigs
{
    /// <summary>Set to "1" or "true" to allow mainnet configs built from the environment.</summary>
    public const string AllowMainnetVariable = "HALYARD_ALLOW_MAINNET";

    private static readonly string[] DefaultInstruments = ["BTC-USD-PERP", "ETH-USD-PERP"];

    /// <summary>Market data for <paramref name="instruments"/> ("BTC", "BTC-USD-PERP" or "BTC-USD-PERP.HYPERLIQUID").</summary>
    public static HyperliquidDataClientConfig DataClient(bool testnet, IEnumerable<string> instruments, bool allowMainnet = false, Uri? baseUrl = null) =>
        new HyperliquidDataClientConfig
        {
            Network = testnet ? HyperliquidNetwork.Testnet : HyperliquidNetwork.Mainnet,
            AllowMainnet = allowMainnet || MainnetAllowedByEnvironment(),
            Endpoints = baseUrl is null ? null : HyperliquidEndpoints.At(baseUrl),
            Instruments = ParseInstruments(instruments),
        }.Validate();

    public static HyperliquidDataClientConfig DataClient(bool testnet, params string[] instruments) => DataClient(testnet, (IEnumerable<string>)instruments);

    /// <summary>Execution with the key from HYPERLIQUID_TESTNET_PK (testnet) or HYPERLIQUID_PK (mainnet), vault from HYPERLIQUID_VAULT.</summary>
    public static HyperliquidExecClientConfig ExecClient(bool testnet, int maxRetries = 3, bool allowMainnet = false, Uri? baseUrl = null)
    {
        HyperliquidNetwork network = testnet ? HyperliquidNetwork.Testnet : HyperliquidNetwork.Mainnet;
        return new HyperliquidExecClientConfig
        {
            Network = network,
            AllowMainnet = allowMainnet || MainnetAllowedByEnvironment(),
            Endpoints = baseUrl is null ? null : HyperliquidEndpoints.At(baseUrl),
            Credentials = HyperliquidCredentials.FromEnvironment(network),
            MaxRetries = maxRetries,
        }.Validate();
    }

    /// <summary>A node trading BTC and ETH perps (or <paramref name="instruments"/>) on one network.</summary>
    public static HyperliquidNodeConfig TradingNode(string traderId, bool testnet, bool redisEnabled,
        IEnumerable<string>? instruments = null, bool allowMainnet = false, Uri? baseUrl = null) =>
        new HyperliquidNodeConfig
        {
            TraderId = traderId,
            Data = DataClient(testnet, instruments ?? DefaultInstruments, allowMainnet, baseUrl),
            Exec = ExecClient(testnet, allowMainnet: allowMainnet, baseUrl: baseUrl),
            RedisEnabled = redisEnabled,
            RedisConnection = Environment.GetEnvironmentVariable("HALYARD_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379",
        }.Validate();

    /// <summary>"BTC", "BTC-USD-PERP" and "BTC-USD-PERP.HYPERLIQUID" all name the BTC perpetual.</summary>
    public static InstrumentId ParseInstrument(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new HyperliquidConfigException("Instruments", null, "must not contain a blank entry");
        string trimmed = text.Trim();
        if (!trimmed.Contains('-') && !trimmed.Contains('.')) return InstrumentId.Perpetual(trimmed.ToUpperInvariant());
        return InstrumentId.TryParse(trimmed, out InstrumentId? id, out string? error)
            ? id
            : throw new HyperliquidConfigException("Instruments", text, error ?? "is not an instrument id");
    }

    private static InstrumentId[] ParseInstruments(IEnumerable<string> instruments)
    {
        if (instruments is null) throw new HyperliquidConfigException("Instruments", null, "must not be null");
        return instruments.Select(ParseInstrument).ToArray();
    }

    internal static void ValidateNetwork(HyperliquidNetwork network, bool allowMainnet, HyperliquidEndpoints? endpoints)
    {
        if (!Enum.IsDefined(network)) throw new HyperliquidConfigException("Network", network, "must be Testnet or Mainnet");
        // Mainnet signatures are only dangerous against the real exchange; a local simulator may emulate either.
        if (network == HyperliquidNetwork.Mainnet && !allowMainnet && endpoints is null)
            throw new HyperliquidConfigException("Network", network,
                $"is mainnet (real money): set AllowMainnet = true or {AllowMainnetVariable}=1 to opt in");
    }

    private static bool MainnetAllowedByEnvironment() =>
        Environment.GetEnvironmentVariable(AllowMainnetVariable) is "1" or "true" or "TRUE" or "True";
}
