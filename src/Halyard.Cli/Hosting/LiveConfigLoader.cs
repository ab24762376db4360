using System.Text.RegularExpressions;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Microsoft.Extensions.Configuration;

namespace Halyard.Cli.Hosting;

/// <summary>
/// Reads a `halyard live` JSON config file (plus HALYARD__SECTION__FIELD environment overrides) into validated
/// <see cref="LiveSettings"/>. Every error is a <see cref="ConfigFileException"/> naming the field as written in
/// the file; a value that looks like a private key is refused without being echoed.
/// </summary>
public static partial class LiveConfigLoader
{
    /// <summary>Environment variables with this prefix override file fields, e.g. HALYARD__NODE__STOPTIMEOUT=20s.</summary>
    public const string EnvironmentPrefix = "HALYARD__";

    /// <param name="allowMainnetFlag">`--allow-mainnet` was given.</param>
    /// <param name="strategyNames">Names the strategy registry knows.</param>
    public static LiveSettings Load(string path, bool allowMainnetFlag, IReadOnlyCollection<string> strategyNames)
    {
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ConfigFileException("--config", $"file {fullPath} does not exist");
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            throw new ConfigFileException("--config", $"{fullPath} is not valid JSON: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        RefuseSecrets(configuration);
        LiveConfigFile file;
        try
        {
            file = configuration.Get<LiveConfigFile>(o => o.ErrorOnUnknownConfiguration = true) ?? new LiveConfigFile();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigFileException(FieldOfBinderError(ex), ex.InnerException?.Message is { } inner ? $"{ex.Message} {inner}" : ex.Message, ex);
        }
        return Build(file, Path.GetDirectoryName(fullPath)!, allowMainnetFlag, strategyNames);
    }

    /// <summary>Validates a bound file; relative key files are resolved against <paramref name="baseDirectory"/>.</summary>
    public static LiveSettings Build(LiveConfigFile file, string baseDirectory, bool allowMainnetFlag, IReadOnlyCollection<string> strategyNames)
    {
        string traderId = file.TraderId ?? "TRADER-001";
        HyperliquidNetwork network = (file.Network?.Trim().ToLowerInvariant()) switch
        {
            null or "testnet" => HyperliquidNetwork.Testnet,
            "mainnet" => HyperliquidNetwork.Mainnet,
            _ => throw new ConfigFileException("network", $"must be \"testnet\" or \"mainnet\" (got \"{file.Network}\")"),
        };
        HyperliquidEndpoints? endpoints = null;
        if (file.RestUrl is not null)
        {
            if (!Uri.TryCreate(file.RestUrl, UriKind.Absolute, out Uri? rest) || (rest.Scheme != Uri.UriSchemeHttp && rest.Scheme != Uri.UriSchemeHttps))
                throw new ConfigFileException("restUrl", $"must be an absolute http(s) URL (got \"{file.RestUrl}\")");
            endpoints = HyperliquidEndpoints.At(rest);
        }
        bool allowMainnet = allowMainnetFlag || (file.AllowMainnet && MainnetAllowedByEnvironment());
        if (network == HyperliquidNetwork.Mainnet && endpoints is null && !allowMainnet)
            throw new ConfigFileException("network", file.AllowMainnet
                ? $"is mainnet (real money) and allowMainnet is set, but {HyperliquidConfigs.AllowMainnetVariable}=1 is not: set both, or pass --allow-mainnet"
                : $"is mainnet (real money): pass --allow-mainnet, or set allowMainnet: true in the file and {HyperliquidConfigs.AllowMainnetVariable}=1");

        List<StrategySpec> strategies = Strategies(file, strategyNames);
        List<InstrumentId> instruments = Instruments(file, strategies);

        var credentials = new HyperliquidCredentials
        {
            KeyFile = file.Key.File is null ? null : Path.GetFullPath(file.Key.File, baseDirectory),
            KeyVariable = file.Key.File is not null ? null
                : file.Key.Variable ?? (network == HyperliquidNetwork.Mainnet ? HyperliquidCredentials.MainnetKeyVariable : HyperliquidCredentials.TestnetKeyVariable),
            AccountAddress = file.Key.AccountAddress?.Trim().ToLowerInvariant(),
            VaultAddress = file.Key.VaultAddress?.Trim().ToLowerInvariant(),
        };
        if (file.Key.Variable is not null && file.Key.File is not null)
            throw new ConfigFileException("key", "set either variable or file, not both");

        HyperliquidDataClientConfig data = Adapter("data", () => new HyperliquidDataClientConfig
        {
            Network = network,
            AllowMainnet = allowMainnet,
            Endpoints = endpoints,
            Instruments = instruments,
            SubscribeQuotes = file.Data.SubscribeQuotes ?? true,
            SubscribeTrades = file.Data.SubscribeTrades ?? true,
            SubscribeBook = file.Data.SubscribeBook ?? true,
            SubscribeMarkPrices = file.Data.SubscribeMarkPrices ?? false,
            PingInterval = Duration(file.Data.PingInterval, "data.pingInterval", TimeSpan.FromSeconds(30)),
            InstrumentLoading = new HyperliquidInstrumentConfig
            {
                RefreshInterval = Duration(file.Data.InstrumentRefresh, "data.instrumentRefresh", TimeSpan.FromMinutes(15)),
            },
        }.Validate());

        var defaults = new HyperliquidExecClientConfig { Credentials = credentials };
        HyperliquidExecClientConfig exec = Adapter("exec", () => new HyperliquidExecClientConfig
        {
            Network = network,
            AllowMainnet = allowMainnet,
            Endpoints = endpoints,
            Credentials = credentials,
            MaxRetries = file.Exec.MaxRetries ?? defaults.MaxRetries,
            MarketSlippage = file.Exec.MarketSlippage ?? defaults.MarketSlippage,
            Leverage = (file.Exec.Leverage ?? []).ToDictionary(kv => Instrument(kv.Key, $"exec.leverage.{kv.Key}"), kv => kv.Value),
            UseWebSocketPost = file.Exec.UseWebSocketPost ?? defaults.UseWebSocketPost,
            ReconciliationEnabled = file.Exec.ReconciliationEnabled ?? defaults.ReconciliationEnabled,
            ReconciliationInterval = Duration(file.Exec.ReconciliationInterval, "exec.reconciliationInterval", defaults.ReconciliationInterval),
            DeadManSwitchWindow = file.Exec.DeadManSwitchWindow?.Trim().ToLowerInvariant() == "off"
                ? null
                : Duration(file.Exec.DeadManSwitchWindow, "exec.deadManSwitchWindow", defaults.DeadManSwitchWindow!.Value),
            DeadManSwitchRefresh = Duration(file.Exec.DeadManSwitchRefresh, "exec.deadManSwitchRefresh", defaults.DeadManSwitchRefresh),
            RequestTimeout = Duration(file.Exec.RequestTimeout, "exec.requestTimeout", defaults.RequestTimeout),
        }.Validate());

        string redisConnection = Environment.GetEnvironmentVariable("HALYARD_REDIS") is { Length: > 0 } fromEnv ? fromEnv : file.Redis.Connection ?? "127.0.0.1:6379";
        HyperliquidNodeConfig hyperliquid = Adapter("", () => new HyperliquidNodeConfig
        {
            TraderId = traderId,
            Data = data,
            Exec = exec,
            RedisEnabled = file.Redis.Enabled,
            RedisConnection = redisConnection,
        }.Validate());

        TradingNodeConfig node = Kernel(file, traderId);
        CheckKeySource(credentials);

        int? metricsPort = file.Monitoring.MetricsPort is null or 0 ? null : file.Monitoring.MetricsPort;
        if (metricsPort is < 1 or > 65535) throw new ConfigFileException("monitoring.metricsPort", $"must be between 1 and 65535, or 0 for none (got {metricsPort})");
        TimeSpan alertAfter = Duration(file.Monitoring.DisconnectAlertAfter, "monitoring.disconnectAlertAfter", TimeSpan.FromSeconds(10));
        if (alertAfter < TimeSpan.FromSeconds(1)) throw new ConfigFileException("monitoring.disconnectAlertAfter", $"must be at least 1s (got {DurationText.Format(alertAfter)})");

        return new LiveSettings { Hyperliquid = hyperliquid, Node = node, Strategies = strategies, MetricsPort = metricsPort, DisconnectAlertAfter = alertAfter };
    }

    private static List<StrategySpec> Strategies(LiveConfigFile file, IReadOnlyCollection<string> names)
    {
        if (file.Strategies is not { Count: > 0 })
            throw new ConfigFileException("strategies", $"must list at least one strategy, e.g. [{{ \"name\": \"{names.FirstOrDefault()}\", \"instrument\": \"BTC-USD-PERP\" }}]");
        var specs = new List<StrategySpec>();
        for (int i = 0; i < file.Strategies.Count; i++)
        {
            LiveConfigFile.StrategySection s = file.Strategies[i];
            string at = $"strategies[{i}]";
            if (string.IsNullOrWhiteSpace(s.Name)) throw new ConfigFileException($"{at}.name", $"is required (one of {string.Join(", ", names)})");
            string? name = names.FirstOrDefault(n => string.Equals(n, s.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null) throw new ConfigFileException($"{at}.name", $"\"{s.Name}\" is not a known strategy (one of {string.Join(", ", names)})");
            if (string.IsNullOrWhiteSpace(s.Instrument)) throw new ConfigFileException($"{at}.instrument", "is required, e.g. BTC-USD-PERP");
            var spec = new StrategySpec(name, Instrument(s.Instrument, $"{at}.instrument"));
            if (specs.Any(o => o.Name == spec.Name && o.InstrumentId == spec.InstrumentId))
                throw new ConfigFileException(at, $"{name} on {spec.InstrumentId} is listed twice");
            specs.Add(spec);
        }
        return specs;
    }

    /// <summary>The listed instruments, or those of the strategies; every strategy's instrument must be subscribed.</summary>
    private static List<InstrumentId> Instruments(LiveConfigFile file, List<StrategySpec> strategies)
    {
        if (file.Instruments is null) return strategies.Select(s => s.InstrumentId).Distinct().ToList();
        var ids = new List<InstrumentId>();
        for (int i = 0; i < file.Instruments.Count; i++)
        {
            InstrumentId id = Instrument(file.Instruments[i], $"instruments[{i}]");
            if (ids.Contains(id)) throw new ConfigFileException($"instruments[{i}]", $"{id} is listed twice");
            ids.Add(id);
        }
        for (int i = 0; i < strategies.Count; i++)
            if (!ids.Contains(strategies[i].InstrumentId))
                throw new ConfigFileException($"strategies[{i}].instrument", $"{strategies[i].InstrumentId} is not in instruments ({string.Join(", ", ids)})");
        return ids;
    }

    private static TradingNodeConfig Kernel(LiveConfigFile file, string traderId)
    {
        var d = new TradingNodeConfig();
        var rm = file.RiskManager;
        if (rm.StopLossPercent is not null && rm.StopLossAbsolute is not null)
            throw new ConfigFileException("riskManager.stopLossPercent", "and stopLossAbsolute are exclusive: set one");
        var riskManager = new Core.Risk.RiskManagerConfig();
        riskManager = riskManager with
        {
            StopLoss = rm.StopLossPercent is decimal pct ? Core.Risk.ProtectiveDistance.Percent(pct)
                : rm.StopLossAbsolute is decimal abs ? Core.Risk.ProtectiveDistance.Absolute(abs) : null,
            TakeProfit = rm.TakeProfitPercent is decimal tp ? new Core.Risk.TakeProfitConfig(Core.Risk.ProtectiveDistance.Percent(tp)) : null,
            ProtectionTimeout = Duration(rm.ProtectionTimeout, "riskManager.protectionTimeout", riskManager.ProtectionTimeout),
            FlattenUnprotected = rm.FlattenUnprotected ?? riskManager.FlattenUnprotected,
            MaxPositionSize = rm.MaxPositionSize,
            MaxPositionNotional = rm.MaxPositionNotional,
            MaxTotalExposure = rm.MaxTotalExposure,
            MaxLeverage = rm.MaxLeverage,
            MaxOrderNotional = rm.MaxOrderNotional,
            MaxOpenOrders = rm.MaxOpenOrders,
            DailyLossLimit = rm.DailyLossLimit,
            MaxDrawdown = rm.MaxDrawdown,
            FlattenOnHalt = rm.FlattenOnHalt ?? riskManager.FlattenOnHalt,
        };
        var riskDefaults = new Core.Risk.RiskEngineConfig();
        var config = d with
        {
            TraderId = traderId,
            ConnectTimeout = Duration(file.Node.ConnectTimeout, "node.connectTimeout", d.ConnectTimeout),
            DisconnectTimeout = Duration(file.Node.DisconnectTimeout, "node.disconnectTimeout", d.DisconnectTimeout),
            StopTimeout = Duration(file.Node.StopTimeout, "node.stopTimeout", d.StopTimeout),
            CancelOrdersOnStop = file.Node.CancelOrdersOnStop ?? d.CancelOrdersOnStop,
            ClosePositionsOnStop = file.Node.ClosePositionsOnStop ?? d.ClosePositionsOnStop,
            ReconcileOnStart = file.Node.ReconcileOnStart ?? d.ReconcileOnStart,
            ReconciliationLookback = Duration(file.Node.ReconciliationLookback, "node.reconciliationLookback", d.ReconciliationLookback),
            Risk = riskDefaults with
            {
                MaxNotionalPerOrder = file.Risk.MaxNotionalPerOrder,
                MaxNotionalPerInstrument = (file.Risk.MaxNotionalPerInstrument ?? []).ToDictionary(
                    kv => Instrument(kv.Key, $"risk.maxNotionalPerInstrument.{kv.Key}"), kv => kv.Value),
                MaxOrderSubmitRate = file.Risk.MaxOrderSubmitRate ?? riskDefaults.MaxOrderSubmitRate,
                MaxOrderModifyRate = file.Risk.MaxOrderModifyRate ?? riskDefaults.MaxOrderModifyRate,
            },
            RiskManager = riskManager,
        };
        try
        {
            return config.Validate();
        }
        catch (ConfigException ex)
        {
            throw new ConfigFileException(KernelField(ex.Field), ex.Message, ex);
        }
    }

    /// <summary>Fails now, not at connect time, when the key is missing or malformed; the message names the source only.</summary>
    private static void CheckKeySource(HyperliquidCredentials credentials)
    {
        try
        {
            _ = credentials.LoadKey();
        }
        catch (HyperliquidConfigException ex)
        {
            throw new ConfigFileException(credentials.KeyFile is not null ? "key.file" : "key.variable", ex.Message, ex);
        }
    }

    private static T Adapter<T>(string section, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (HyperliquidConfigException ex)
        {
            throw new ConfigFileException(AdapterField(section, ex.Field), ex.Message, ex);
        }
    }

    /// <summary>Maps an adapter config's field to where it is written in the file.</summary>
    private static string AdapterField(string section, string field)
    {
        string first = field.Split('.', '[')[0];
        return first switch
        {
            "Network" or "AllowMainnet" => "network",
            "Endpoints" => "restUrl",
            "Instruments" => "instruments",
            "TraderId" => "traderId",
            "RedisConnection" => "redis.connection",
            "Credentials" => "key." + Camel(field.Split('.').Last() switch { "KeyVariable" => "Variable", "KeyFile" => "File", var f => f }),
            "RefreshInterval" => "data.instrumentRefresh",
            "Fees" => "data.instrumentFees",
            _ when section.Length == 0 => Camel(field),
            _ => $"{section}.{Camel(field)}",
        };
    }

    private static string KernelField(string field) => field switch
    {
        "TraderId" => "traderId",
        _ when field.StartsWith("Risk.", StringComparison.Ordinal) => "risk." + Camel(field["Risk.".Length..]),
        _ when field.StartsWith("RiskManager.", StringComparison.Ordinal) => "riskManager." + Camel(field["RiskManager.".Length..]),
        _ => "node." + Camel(field),
    };

    private static string Camel(string s) => s.Length == 0 || char.IsLower(s[0]) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static InstrumentId Instrument(string text, string field)
    {
        try
        {
            InstrumentId id = HyperliquidConfigs.ParseInstrument(text);
            // Live trading is perpetuals only: COIN-USD-PERP with a plain coin name.
            if (!PerpetualId().IsMatch(id.ToString()))
                throw new ConfigFileException(field, $"\"{text}\" is not a Hyperliquid perpetual such as BTC-USD-PERP");
            return id;
        }
        catch (HyperliquidConfigException ex)
        {
            throw new ConfigFileException(field, $"\"{text}\" is not an instrument such as BTC-USD-PERP: {ex.Message}", ex);
        }
    }

    private static TimeSpan Duration(string? text, string field, TimeSpan fallback)
    {
        if (text is null) return fallback;
        return DurationText.TryParse(text, out TimeSpan d)
            ? d
            : throw new ConfigFileException(field, $"must be a duration such as 500ms, 10s, 5m, 1h or 00:01:00 (got \"{text}\")");
    }

    /// <summary>Keys belong in the environment or a key file: a key-like value or a key-named field is refused, never echoed.</summary>
    private static void RefuseSecrets(IConfiguration configuration)
    {
        foreach ((string key, string? value) in configuration.AsEnumerable())
        {
            string field = FilePath(key);
            string leaf = key.Split(':').Last();
            if (leaf.Equals("privateKey", StringComparison.OrdinalIgnoreCase) || leaf.Equals("secret", StringComparison.OrdinalIgnoreCase)
                || leaf.Equals("pk", StringComparison.OrdinalIgnoreCase))
                throw new ConfigFileException(field, "keys are never read from the config file: put the key in an environment variable or a key file and name it in key.variable or key.file");
            if (value is not null && KeyLike().IsMatch(value.Trim()))
                throw new ConfigFileException(field, "holds what looks like a private key (64 hex digits); keys are never read from the config file: name an environment variable (key.variable) or a key file (key.file) instead");
        }
    }

    /// <summary>"Exec:Leverage:BTC" → "exec.leverage.BTC"; "Strategies:0:Name" → "strategies[0].name".</summary>
    private static string FilePath(string key)
    {
        var parts = key.Split(':');
        var text = new System.Text.StringBuilder();
        foreach (string part in parts)
        {
            if (part.All(char.IsAsciiDigit)) text.Append('[').Append(part).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(Camel(part));
        }
        return text.ToString();
    }

    private static string FieldOfBinderError(InvalidOperationException ex)
    {
        Match at = Regex.Match(ex.Message, @"at '([^']+)'");
        if (at.Success) return FilePath(at.Groups[1].Value);
        // "… not found on the instance of Halyard.Cli.Hosting.LiveConfigFile+ExecSection: 'maxRetrys'"
        Match unknown = Regex.Match(ex.Message, @"not found on the instance of [\w.]*?LiveConfigFile(?:\+(\w+)Section)?: '([^']+)'");
        if (!unknown.Success) return "config";
        string section = unknown.Groups[1].Value switch
        {
            "" => "",
            "Strategy" => "strategies[].",
            var name => Camel(name) + ".",
        };
        return section + unknown.Groups[2].Value;
    }

    private static bool MainnetAllowedByEnvironment() =>
        Environment.GetEnvironmentVariable(HyperliquidConfigs.AllowMainnetVariable) is "1" or "true" or "TRUE" or "True";

    [GeneratedRegex(@"^[A-Za-z0-9]+-USD-PERP\.HYPERLIQUID$")]
    private static partial Regex PerpetualId();

    [GeneratedRegex("^(0x)?[0-9a-fA-F]{64}$")]
    private static partial Regex KeyLike();
}
