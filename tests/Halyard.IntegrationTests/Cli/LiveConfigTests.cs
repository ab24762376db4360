using Halyard.Cli.Hosting;
using Halyard.Core.Model;
using Halyard.Hyperliquid;

namespace Halyard.IntegrationTests.Cli;

/// <summary>`halyard live` config files: what a good one becomes, and every error naming its field without echoing a key.</summary>
public sealed class LiveConfigTests : IDisposable
{
    private const string Key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static readonly string[] Names = ["emacross", "midcross"];
    private readonly string _dir = Directory.CreateTempSubdirectory("halyard-live-config-").FullName;

    public LiveConfigTests() => File.WriteAllText(Path.Combine(_dir, "key.txt"), Key + "\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Minimal = """
        { "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC-USD-PERP" } ] }
        """;

    [Fact]
    public void A_minimal_file_gives_a_testnet_node_with_the_strategy_instruments_and_safe_defaults()
    {
        LiveSettings s = LiveConfigLoader.Load(Write(Minimal), allowMainnetFlag: false, Names);
        s.Hyperliquid.Data.Network.ShouldBe(HyperliquidNetwork.Testnet);
        s.Hyperliquid.Data.Instruments.ShouldBe([InstrumentId.Perpetual("BTC")]);
        s.Hyperliquid.Exec.Credentials.KeyFile.ShouldBe(Path.Combine(_dir, "key.txt"));
        s.Hyperliquid.RedisEnabled.ShouldBeFalse();
        s.Node.TraderId.ShouldBe("TRADER-001");
        s.Node.CancelOrdersOnStop.ShouldBeTrue();
        s.Strategies.ShouldBe([new StrategySpec("midcross", InstrumentId.Perpetual("BTC"))]);
        s.MetricsPort.ShouldBeNull();
    }

    [Fact]
    public void The_example_in_configs_is_valid()
    {
        string example = Path.Combine(RepoRoot(), "configs", "live.testnet.json");
        string copy = Write(File.ReadAllText(example));
        string variable = $"HALYARD_TEST_PK_{Guid.NewGuid():N}";
        // The example names HYPERLIQUID_TESTNET_PK; point it at a variable of this test only.
        File.WriteAllText(copy, File.ReadAllText(copy).Replace(HyperliquidCredentials.TestnetKeyVariable, variable, StringComparison.Ordinal));
        Environment.SetEnvironmentVariable(variable, Key);
        try
        {
            LiveSettings s = LiveConfigLoader.Load(copy, false, Names);
            s.Strategies.Count.ShouldBeGreaterThan(0);
            s.Node.RiskManager.StopLoss.ShouldNotBeNull();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Every_section_is_read()
    {
        LiveSettings s = LiveConfigLoader.Load(Write("""
            {
              "traderId": "ALICE-007", "network": "testnet", "restUrl": "http://127.0.0.1:8080",
              "instruments": ["BTC-USD-PERP", "ETH"],
              "key": { "file": "key.txt", "vaultAddress": "0x00000000000000000000000000000000000000AA" },
              "data": { "subscribeBook": false, "subscribeMarkPrices": true, "pingInterval": "20s" },
              "exec": { "maxRetries": 5, "marketSlippage": 0.02, "leverage": { "BTC-USD-PERP": 3 }, "useWebSocketPost": true,
                        "deadManSwitchWindow": "off", "reconciliationInterval": "2m" },
              "node": { "stopTimeout": "20s", "closePositionsOnStop": true },
              "risk": { "maxNotionalPerOrder": 1000, "maxNotionalPerInstrument": { "ETH": 500 } },
              "riskManager": { "stopLossPercent": 0.02, "takeProfitPercent": 0.04, "maxPositionNotional": 5000, "dailyLossLimit": 200 },
              "redis": { "enabled": true, "connection": "127.0.0.1:6390" },
              "monitoring": { "metricsPort": 9464, "disconnectAlertAfter": "15s" },
              "strategies": [ { "name": "MIDCROSS", "instrument": "ETH-USD-PERP" } ]
            }
            """), false, Names);
        s.Hyperliquid.TraderId.ShouldBe("ALICE-007");
        s.Hyperliquid.Data.ResolvedEndpoints.WsUrl.ShouldBe(new Uri("ws://127.0.0.1:8080/ws"));
        s.Hyperliquid.Data.Instruments.ShouldBe([InstrumentId.Perpetual("BTC"), InstrumentId.Perpetual("ETH")]);
        s.Hyperliquid.Data.SubscribeBook.ShouldBeFalse();
        s.Hyperliquid.Data.SubscribeMarkPrices.ShouldBeTrue();
        s.Hyperliquid.Data.PingInterval.ShouldBe(TimeSpan.FromSeconds(20));
        s.Hyperliquid.Exec.MaxRetries.ShouldBe(5);
        s.Hyperliquid.Exec.MarketSlippage.ShouldBe(0.02m);
        s.Hyperliquid.Exec.Leverage[InstrumentId.Perpetual("BTC")].ShouldBe(3);
        s.Hyperliquid.Exec.UseWebSocketPost.ShouldBeTrue();
        s.Hyperliquid.Exec.DeadManSwitchWindow.ShouldBeNull();
        s.Hyperliquid.Exec.ReconciliationInterval.ShouldBe(TimeSpan.FromMinutes(2));
        s.Hyperliquid.Exec.Credentials.VaultAddress.ShouldBe("0x00000000000000000000000000000000000000aa");
        s.Hyperliquid.RedisEnabled.ShouldBeTrue();
        s.Hyperliquid.RedisConnection.ShouldBe(Environment.GetEnvironmentVariable("HALYARD_REDIS") is { Length: > 0 } r ? r : "127.0.0.1:6390");
        s.Node.StopTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        s.Node.ClosePositionsOnStop.ShouldBeTrue();
        s.Node.Risk.MaxNotionalPerOrder.ShouldBe(1000m);
        s.Node.Risk.MaxNotionalPerInstrument[InstrumentId.Perpetual("ETH")].ShouldBe(500m);
        s.Node.RiskManager.StopLoss.ShouldBe(Halyard.Core.Risk.ProtectiveDistance.Percent(0.02m));
        s.Node.RiskManager.TakeProfit!.Distance.Value.ShouldBe(0.04m);
        s.Node.RiskManager.MaxPositionNotional.ShouldBe(5000m);
        s.Node.RiskManager.DailyLossLimit.ShouldBe(200m);
        s.MetricsPort.ShouldBe(9464);
        s.DisconnectAlertAfter.ShouldBe(TimeSpan.FromSeconds(15));
        s.Strategies.ShouldBe([new StrategySpec("midcross", InstrumentId.Perpetual("ETH"))]);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { """{ "key": { "file": "key.txt" }, "strategies": [] }""", "strategies" },
        { """{ "key": { "file": "key.txt" } }""", "strategies" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "instrument": "BTC" } ] }""", "strategies[0].name" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "name": "nope", "instrument": "BTC" } ] }""", "strategies[0].name" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross" } ] }""", "strategies[0].instrument" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC-USD-PERP.BINANCE" } ] }""", "strategies[0].instrument" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" }, { "name": "midcross", "instrument": "BTC-USD-PERP" } ] }""", "strategies[1]" },
        { """{ "key": { "file": "key.txt" }, "instruments": ["ETH"], "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "strategies[0].instrument" },
        { """{ "key": { "file": "key.txt" }, "instruments": ["ETH", "ETH-USD-PERP"], "strategies": [ { "name": "midcross", "instrument": "ETH" } ] }""", "instruments[1]" },
        { """{ "key": { "file": "key.txt" }, "instruments": ["BTC/USD"], "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "instruments[0]" },
        { """{ "network": "devnet", "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "network" },
        { """{ "network": "mainnet", "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "network" },
        { """{ "network": "mainnet", "allowMainnet": true, "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "network" },
        { """{ "restUrl": "ftp://x", "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "restUrl" },
        { """{ "traderId": "ALICE", "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "traderId" },
        { """{ "key": { "file": "missing.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.file" },
        { """{ "key": { "variable": "HALYARD_TEST_UNSET_VARIABLE" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.variable" },
        { """{ "key": { "variable": "X", "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key" },
        { """{ "key": { "file": "key.txt", "accountAddress": "0x12" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.accountAddress" },
        { """{ "key": { "file": "key.txt", "vaultAddress": "bob" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.vaultAddress" },
        { """{ "key": { "file": "key.txt" }, "data": { "pingInterval": "55s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "data.pingInterval" },
        { """{ "key": { "file": "key.txt" }, "data": { "pingInterval": "soon" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "data.pingInterval" },
        { """{ "key": { "file": "key.txt" }, "data": { "instrumentRefresh": "2s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "data.instrumentRefresh" },
        { """{ "key": { "file": "key.txt" }, "data": { "subscribeQuotes": false, "subscribeTrades": false, "subscribeBook": false }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "data.subscribeQuotes" },
        { """{ "key": { "file": "key.txt" }, "exec": { "maxRetries": 11 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.maxRetries" },
        { """{ "key": { "file": "key.txt" }, "exec": { "maxRetries": "many" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.maxRetries" },
        { """{ "key": { "file": "key.txt" }, "exec": { "marketSlippage": 0.9 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.marketSlippage" },
        { """{ "key": { "file": "key.txt" }, "exec": { "leverage": { "BTC": 0 } }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.leverage" },
        { """{ "key": { "file": "key.txt" }, "exec": { "leverage": { "B/TC": 2 } }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.leverage.B/TC" },
        { """{ "key": { "file": "key.txt" }, "exec": { "reconciliationInterval": "100ms" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.reconciliationInterval" },
        { """{ "key": { "file": "key.txt" }, "exec": { "deadManSwitchWindow": "2s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.deadManSwitchWindow" },
        { """{ "key": { "file": "key.txt" }, "exec": { "deadManSwitchRefresh": "50s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.deadManSwitchRefresh" },
        { """{ "key": { "file": "key.txt" }, "exec": { "requestTimeout": "10ms" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.requestTimeout" },
        { """{ "key": { "file": "key.txt" }, "node": { "stopTimeout": "0s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "node.stopTimeout" },
        { """{ "key": { "file": "key.txt" }, "node": { "connectTimeout": "0s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "node.connectTimeout" },
        { """{ "key": { "file": "key.txt" }, "node": { "disconnectTimeout": "0s" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "node.disconnectTimeout" },
        { """{ "key": { "file": "key.txt" }, "risk": { "maxNotionalPerOrder": -1 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "risk.maxNotionalPerOrder" },
        { """{ "key": { "file": "key.txt" }, "risk": { "maxOrderSubmitRate": 0 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "risk.maxOrderSubmitRate" },
        { """{ "key": { "file": "key.txt" }, "riskManager": { "stopLossPercent": 1.5 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "riskManager.stopLoss.Value" },
        { """{ "key": { "file": "key.txt" }, "riskManager": { "stopLossPercent": 0.01, "stopLossAbsolute": 50 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "riskManager.stopLossPercent" },
        { """{ "key": { "file": "key.txt" }, "riskManager": { "maxDrawdown": 2 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "riskManager.maxDrawdown" },
        { """{ "key": { "file": "key.txt" }, "riskManager": { "maxOpenOrders": 0 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "riskManager.maxOpenOrders" },
        { """{ "key": { "file": "key.txt" }, "redis": { "enabled": true, "connection": " " }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "redis.connection" },
        { """{ "key": { "file": "key.txt" }, "monitoring": { "metricsPort": 70000 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "monitoring.metricsPort" },
        { """{ "key": { "file": "key.txt" }, "monitoring": { "disconnectAlertAfter": "10ms" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "monitoring.disconnectAlertAfter" },
        { """{ "key": { "file": "key.txt" }, "exec": { "maxRetrys": 1 }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "exec.maxRetrys" },
        { """{ "key": { "file": "key.txt" }, "strategys": [ { "name": "midcross", "instrument": "BTC" } ] }""", "strategys" },
        { """{ "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ], """, "--config" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_naming_the_field(string json, string field)
    {
        var ex = Should.Throw<ConfigFileException>(() => LiveConfigLoader.Load(Write(json), false, Names));
        ex.Message.ShouldStartWith(field, customMessage: ex.Message);
        ex.Message.ShouldNotContain(Key[2..], customMessage: "the key must never be printed");
    }

    [Theory]
    [InlineData("""{ "privateKey": "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "privateKey")]
    [InlineData("""{ "key": { "variable": "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.variable")]
    [InlineData("""{ "key": { "pk": "x" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""", "key.pk")]
    public void A_key_written_in_the_file_is_refused_without_being_echoed(string json, string field)
    {
        var ex = Should.Throw<ConfigFileException>(() => LiveConfigLoader.Load(Write(json), false, Names));
        ex.Field.ShouldBe(field);
        ex.Message.ShouldNotContain("4c0883a69102937d");
        ex.Message.ShouldContain("never read from the config file");
    }

    [Fact]
    public void A_malformed_key_in_the_key_file_is_refused_without_being_echoed()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.txt"), "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f3623zz");
        var ex = Should.Throw<ConfigFileException>(() => LiveConfigLoader.Load(Write(
            """{ "key": { "file": "bad.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }"""), false, Names));
        ex.Field.ShouldBe("key.file");
        ex.Message.ShouldNotContain("4c0883a69102937d");
    }

    [Fact]
    public void Mainnet_needs_the_flag_or_both_the_file_and_the_environment()
    {
        string path = Write("""{ "network": "mainnet", "key": { "file": "key.txt" }, "strategies": [ { "name": "midcross", "instrument": "BTC" } ] }""");
        LiveConfigLoader.Load(path, allowMainnetFlag: true, Names).Hyperliquid.Exec.Network.ShouldBe(HyperliquidNetwork.Mainnet);
        Should.Throw<ConfigFileException>(() => LiveConfigLoader.Load(path, false, Names)).Message.ShouldContain("--allow-mainnet");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var ex = Should.Throw<ConfigFileException>(() => LiveConfigLoader.Load(Path.Combine(_dir, "none.json"), false, Names));
        ex.Message.ShouldContain("none.json");
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:30", 30_000)]
    public void Durations_read_as_written(string text, int ms) => DurationText.Parse(text, "x").ShouldBe(TimeSpan.FromMilliseconds(ms));

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("ten seconds")]
    [InlineData("5x")]
    public void Bad_durations_name_the_field(string text) => Should.Throw<FormatException>(() => DurationText.Parse(text, "--duration")).Message.ShouldContain("--duration");

    internal static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Halyard.slnx"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Halyard.slnx not found above " + AppContext.BaseDirectory);
    }
}
