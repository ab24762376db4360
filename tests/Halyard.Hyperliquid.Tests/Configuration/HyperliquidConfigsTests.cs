using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Tests.Configuration;

// Touches process environment variables, so every test that does lives in this one (serial) class.
public sealed class HyperliquidConfigsTests : IDisposable
{
    private const string TestKey = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private const string TestKeyAddress = "0x14791697260e4c9a71f18484c9f997b308e59325";
    private static readonly string[] Variables =
    [
        HyperliquidCredentials.TestnetKeyVariable, HyperliquidCredentials.MainnetKeyVariable, HyperliquidCredentials.VaultVariable,
        HyperliquidCredentials.AccountVariable, HyperliquidConfigs.AllowMainnetVariable, "HALYARD_REDIS",
    ];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public HyperliquidConfigsTests()
    {
        foreach (string v in Variables) Environment.SetEnvironmentVariable(v, null);
    }

    public void Dispose()
    {
        foreach (var (k, v) in _saved) Environment.SetEnvironmentVariable(k, v);
    }

    [Fact]
    public void Data_client_factory_accepts_short_and_full_instrument_ids_on_testnet()
    {
        var config = HyperliquidConfigs.DataClient(testnet: true, "BTC", "ETH-USD-PERP", "SOL-USD-PERP.HYPERLIQUID");
        config.Network.ShouldBe(HyperliquidNetwork.Testnet);
        config.Instruments.ShouldBe([InstrumentId.Perpetual("BTC"), InstrumentId.Perpetual("ETH"), InstrumentId.Perpetual("SOL")]);
        config.ResolvedEndpoints.ShouldBe(HyperliquidEndpoints.Testnet);
        config.SubscribeQuotes.ShouldBeTrue();
    }

    [Fact]
    public void Base_url_override_points_rest_and_websocket_at_the_simulator()
    {
        var config = HyperliquidConfigs.DataClient(true, ["BTC"], baseUrl: new Uri("http://127.0.0.1:5123"));
        config.ResolvedEndpoints.RestUrl.ShouldBe(new Uri("http://127.0.0.1:5123"));
        config.ResolvedEndpoints.WsUrl.ShouldBe(new Uri("ws://127.0.0.1:5123/ws"));
    }

    [Fact]
    public void Mainnet_is_refused_without_an_explicit_opt_in()
    {
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.DataClient(false, "BTC")).Field.ShouldBe("Network");
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.ExecClient(false)).Message.ShouldContain("AllowMainnet");
        HyperliquidConfigs.DataClient(false, ["BTC"], allowMainnet: true).ResolvedEndpoints.ShouldBe(HyperliquidEndpoints.Mainnet);
        Environment.SetEnvironmentVariable(HyperliquidConfigs.AllowMainnetVariable, "1");
        HyperliquidConfigs.ExecClient(false).Credentials.KeyVariable.ShouldBe(HyperliquidCredentials.MainnetKeyVariable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BTC..X")]
    public void Data_client_factory_rejects_malformed_instruments(string text)
    {
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.DataClient(true, text)).Field.ShouldBe("Instruments");
    }

    [Fact]
    public void Data_client_config_rejects_duplicates_other_venues_nothing_to_subscribe_and_bad_ping()
    {
        var ok = HyperliquidConfigs.DataClient(true, "BTC");
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.DataClient(true, "BTC", "BTC-USD-PERP")).Message.ShouldContain("listed twice");
        Should.Throw<HyperliquidConfigException>(() => (ok with { Instruments = [InstrumentId.Parse("BTC-USD-PERP.BINANCE")] }).Validate()).Field.ShouldBe("Instruments");
        Should.Throw<HyperliquidConfigException>(() => (ok with { SubscribeQuotes = false, SubscribeTrades = false, SubscribeBook = false }).Validate()).Field.ShouldBe("SubscribeQuotes");
        Should.Throw<HyperliquidConfigException>(() => (ok with { PingInterval = TimeSpan.FromSeconds(90) }).Validate()).Field.ShouldBe("PingInterval");
        Should.Throw<HyperliquidConfigException>(() => (ok with { Endpoints = new HyperliquidEndpoints(new Uri("ftp://x"), new Uri("ws://x")) }).Validate()).Field.ShouldBe("Endpoints.RestUrl");
        Should.Throw<HyperliquidConfigException>(() => (ok with { Endpoints = new HyperliquidEndpoints(new Uri("http://x"), new Uri("http://x")) }).Validate()).Field.ShouldBe("Endpoints.WsUrl");
        Should.Throw<HyperliquidConfigException>(() => (ok with { InstrumentLoading = new() { RefreshInterval = TimeSpan.FromSeconds(1) } }).Validate()).Field.ShouldBe("RefreshInterval");
        Should.Throw<HyperliquidConfigException>(() => (ok with { InstrumentLoading = new() { Fees = new(0.00015m, -1m) } }).Validate()).Field.ShouldBe("Fees.TakerFee");
        Should.Throw<HyperliquidConfigException>(() => (ok with { InstrumentLoading = new() { Fees = new(0.5m, 0.0004m) } }).Validate()).Field.ShouldBe("Fees.MakerFee");
    }

    [Fact]
    public void Exec_client_factory_reads_the_testnet_key_variable_vault_and_retries()
    {
        Environment.SetEnvironmentVariable(HyperliquidCredentials.VaultVariable, "0xABCDEF0123456789ABCDEF0123456789ABCDEF01");
        var config = HyperliquidConfigs.ExecClient(testnet: true);
        config.MaxRetries.ShouldBe(3);
        config.MarketSlippage.ShouldBe(0.05m);
        config.ReconciliationEnabled.ShouldBeTrue();
        config.Credentials.KeyVariable.ShouldBe("HYPERLIQUID_TESTNET_PK");
        config.Credentials.VaultAddress.ShouldBe("0xabcdef0123456789abcdef0123456789abcdef01");
        config.OwnerAddress.ShouldBe("0xabcdef0123456789abcdef0123456789abcdef01");
        HyperliquidConfigs.ExecClient(true, maxRetries: 5).MaxRetries.ShouldBe(5);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Exec_client_factory_rejects_retries_out_of_range(int retries)
    {
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.ExecClient(true, retries)).Field.ShouldBe("MaxRetries");
    }

    [Fact]
    public void Exec_client_config_names_every_invalid_field()
    {
        var ok = HyperliquidConfigs.ExecClient(true);
        void Fails(HyperliquidExecClientConfig bad, string field) =>
            Should.Throw<HyperliquidConfigException>(() => bad.Validate()).Field.ShouldBe(field);

        Fails(ok with { MarketSlippage = 0m }, "MarketSlippage");
        Fails(ok with { MarketSlippage = 0.6m }, "MarketSlippage");
        Fails(ok with { Leverage = new Dictionary<InstrumentId, int> { [InstrumentId.Perpetual("BTC")] = 0 } }, "Leverage[BTC-USD-PERP.HYPERLIQUID]");
        Fails(ok with { ReconciliationInterval = TimeSpan.FromMilliseconds(10) }, "ReconciliationInterval");
        Fails(ok with { DeadManSwitchWindow = TimeSpan.FromSeconds(2) }, "DeadManSwitchWindow");
        Fails(ok with { DeadManSwitchRefresh = TimeSpan.FromSeconds(40) }, "DeadManSwitchRefresh");
        Fails(ok with { RequestTimeout = TimeSpan.FromMilliseconds(1) }, "RequestTimeout");
        Fails(ok with { PingInterval = TimeSpan.Zero }, "PingInterval");
        Fails(ok with { RestWeightPerMinute = 100 }, "RestWeightPerMinute");
        Fails(ok with { WsMessagesPerMinute = 0 }, "WsMessagesPerMinute");
        Fails(ok with { Credentials = ok.Credentials with { VaultAddress = "0x123" } }, "Credentials.VaultAddress");
        Fails(ok with { Credentials = ok.Credentials with { AccountAddress = "not-an-address" } }, "Credentials.AccountAddress");
        Fails(ok with { Credentials = new HyperliquidCredentials() }, "Credentials.KeyVariable");
        Fails(ok with { Credentials = new HyperliquidCredentials { KeyFile = " " } }, "Credentials.KeyFile");
        (ok with { DeadManSwitchWindow = null, ReconciliationEnabled = false, ReconciliationInterval = TimeSpan.Zero }).Validate();
    }

    [Fact]
    public void Missing_key_fails_at_start_naming_the_variable()
    {
        var config = HyperliquidConfigs.ExecClient(true);
        var error = Should.Throw<HyperliquidConfigException>(() => config.Credentials.LoadKey());
        error.Message.ShouldContain("HYPERLIQUID_TESTNET_PK is not set");
    }

    [Theory]
    [InlineData("0x0123456789012345678901234567890123456789012345678901234567890")]
    [InlineData("0xZZ23456789012345678901234567890123456789012345678901234567890123")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    public void Malformed_key_fails_with_a_message_that_never_contains_the_key(string badKey)
    {
        Environment.SetEnvironmentVariable(HyperliquidCredentials.TestnetKeyVariable, badKey);
        var error = Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.ExecClient(true).Credentials.LoadKey());
        error.Message.ShouldContain("HYPERLIQUID_TESTNET_PK");
        error.Message.ShouldContain("valid private key");
        error.Message.ShouldNotContain(badKey[2..20]);
    }

    [Fact]
    public void Valid_key_loads_from_the_environment_or_a_key_file_and_owner_defaults_to_its_address()
    {
        Environment.SetEnvironmentVariable(HyperliquidCredentials.TestnetKeyVariable, TestKey);
        var config = HyperliquidConfigs.ExecClient(true);
        var key = config.Credentials.LoadKey();
        key.Address.ShouldBe(TestKeyAddress);
        config.Credentials.OwnerAddress(key).ShouldBe(TestKeyAddress);

        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, TestKey[2..] + "\n");
            new HyperliquidCredentials { KeyFile = file }.LoadKey().Address.ShouldBe(TestKeyAddress);
        }
        finally { File.Delete(file); }
        Should.Throw<HyperliquidConfigException>(() => new HyperliquidCredentials { KeyFile = "/nonexistent/key" }.LoadKey()).Field.ShouldBe("KeyFile");
    }

    [Fact]
    public void Agent_wallet_reads_use_the_master_account_not_the_agent()
    {
        Environment.SetEnvironmentVariable(HyperliquidCredentials.TestnetKeyVariable, TestKey);
        Environment.SetEnvironmentVariable(HyperliquidCredentials.AccountVariable, "0x1111111111111111111111111111111111111111");
        var config = HyperliquidConfigs.ExecClient(true);
        config.Credentials.OwnerAddress(config.Credentials.LoadKey()).ShouldBe("0x1111111111111111111111111111111111111111");
    }

    [Fact]
    public void No_config_text_ever_contains_the_key()
    {
        Environment.SetEnvironmentVariable(HyperliquidCredentials.TestnetKeyVariable, TestKey);
        var node = HyperliquidConfigs.TradingNode("TRADER-001", testnet: true, redisEnabled: false);
        node.Exec.Credentials.LoadKey();
        string text = node.ToString() + node.Exec + node.Exec.Credentials + node.Exec.Credentials.LoadKey();
        text.ShouldNotContain(TestKey[2..]);
        text.ShouldNotContain(TestKey[2..12]);
        text.ShouldContain("redacted");
    }

    [Fact]
    public void Trading_node_factory_builds_btc_and_eth_data_execution_and_redis()
    {
        Environment.SetEnvironmentVariable("HALYARD_REDIS", "127.0.0.1:6390");
        var node = HyperliquidConfigs.TradingNode("TRADER-001", testnet: true, redisEnabled: true);
        node.TraderId.ShouldBe("TRADER-001");
        node.Data.Instruments.ShouldBe([InstrumentId.Perpetual("BTC"), InstrumentId.Perpetual("ETH")]);
        node.Exec.Network.ShouldBe(HyperliquidNetwork.Testnet);
        node.RedisEnabled.ShouldBeTrue();
        node.RedisConnection.ShouldBe("127.0.0.1:6390");
    }

    [Theory]
    [InlineData("")]
    [InlineData("TRADER")]
    [InlineData("-001")]
    [InlineData("TRADER 001")]
    public void Trading_node_factory_rejects_malformed_trader_ids(string traderId)
    {
        Should.Throw<HyperliquidConfigException>(() => HyperliquidConfigs.TradingNode(traderId, true, false)).Field.ShouldBe("TraderId");
    }

    [Fact]
    public void Trading_node_config_rejects_mixed_networks_and_blank_redis()
    {
        var node = HyperliquidConfigs.TradingNode("TRADER-001", true, false);
        Should.Throw<HyperliquidConfigException>(() => (node with { Exec = node.Exec with { Network = HyperliquidNetwork.Mainnet, AllowMainnet = true } }).Validate())
            .Field.ShouldBe("Exec.Network");
        Should.Throw<HyperliquidConfigException>(() => (node with { RedisEnabled = true, RedisConnection = "" }).Validate()).Field.ShouldBe("RedisConnection");
    }
}
