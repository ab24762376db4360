using System.Security.Cryptography;
using Halyard.Core.Model;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Live;

/// <summary>
/// The simulator on a free loopback port with a funded, freshly generated key in a key file (never in the
/// environment, so tests can run side by side), and a second funded account to trade against ours.
/// </summary>
internal sealed class LiveVenue : IAsyncDisposable
{
    private readonly string _directory;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private LiveVenue(SimulatorHost sim, string directory)
    {
        Sim = sim;
        _directory = directory;
        (KeyFile, Address) = NewKey("trader");
        (string counterpartyFile, string counterparty) = NewKey("counterparty");
        CounterpartyAddress = counterparty;
        sim.Fund(Address, 100_000m);
        sim.Fund(CounterpartyAddress, 1_000_000m);
        PrivateKey counterpartyKey = PrivateKey.FromHex(File.ReadAllText(counterpartyFile));
        var options = new HyperliquidRestOptions { BaseUrl = new Uri(sim.Url), MaxRetries = 0 };
        Counterparty = new HyperliquidExchangeClient(_http, new HyperliquidSigner(counterpartyKey, isMainnet: false),
            new NonceAllocator(TimeProvider.System), options);
        Info = new HyperliquidInfoClient(_http, options);
    }

    public SimulatorHost Sim { get; }
    public string KeyFile { get; }
    public string Address { get; }
    public string CounterpartyAddress { get; }
    public HyperliquidExchangeClient Counterparty { get; }
    public HyperliquidInfoClient Info { get; }

    public static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    public static readonly InstrumentId Eth = InstrumentId.Perpetual("ETH");

    /// <summary>Paused, no random taker: the test decides every trade; the maker quotes after the first step.</summary>
    public static async Task<LiveVenue> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Port = 0, Seed = 11, StartPaused = true, TakerProbability = 0 };
        options = configure?.Invoke(options) ?? options;
        SimulatorHost sim = await SimulatorHost.StartAsync(options, TestContext.Current.CancellationToken);
        sim.Step();
        string directory = Path.Combine(Path.GetTempPath(), "halyard-live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new LiveVenue(sim, directory);
    }

    private (string File, string Address) NewKey(string name)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        secret[0] &= 0x7f;
        PrivateKey key = PrivateKey.FromBytes(secret);
        string file = Path.Combine(_directory, name + ".key");
        File.WriteAllText(file, "0x" + Convert.ToHexStringLower(secret));
        return (file, key.Address);
    }

    /// <summary>Our account approves a new agent (API wallet); returns the agent's key file.</summary>
    public async Task<string> ApproveAgentAsync()
    {
        (string agentFile, string agentAddress) = NewKey("agent");
        var master = new HyperliquidExchangeClient(_http, new HyperliquidSigner(PrivateKey.FromHex(File.ReadAllText(KeyFile)), isMainnet: false),
            new NonceAllocator(TimeProvider.System), new HyperliquidRestOptions { BaseUrl = new Uri(Sim.Url), MaxRetries = 0 });
        var approved = await master.ApproveAgentAsync(agentAddress, "halyard-test", TestContext.Current.CancellationToken);
        approved.IsSuccess.ShouldBeTrue(approved.ToString());
        approved.Value.IsOk.ShouldBeTrue(approved.Value.Error);
        return agentFile;
    }

    /// <summary>An execution config for our account against this simulator; the dead man's switch off unless asked.</summary>
    public HyperliquidExecClientConfig ExecConfig(Func<HyperliquidExecClientConfig, HyperliquidExecClientConfig>? configure = null)
    {
        var config = new HyperliquidExecClientConfig
        {
            Endpoints = HyperliquidEndpoints.At(new Uri(Sim.Url)),
            Credentials = new HyperliquidCredentials { KeyFile = KeyFile },
            DeadManSwitchWindow = null,
            ReconciliationInterval = TimeSpan.FromMinutes(10),
            PingInterval = TimeSpan.FromSeconds(5),
        };
        return (configure?.Invoke(config) ?? config).Validate();
    }

    /// <summary>The counterparty sells (or buys) <paramref name="size"/> at <paramref name="price"/> IOC: it trades with our resting order first.</summary>
    public async Task CounterpartyTakesAsync(string coin, bool isBuy, decimal price, decimal size)
    {
        int asset = coin == "BTC" ? 0 : 1;
        var wire = new OrderWire(asset, isBuy, WireNumber.Format(price), WireNumber.Format(size), false, OrderTypeWire.Ioc);
        var result = await Counterparty.PlaceOrdersAsync(new OrderAction(wire), TestContext.Current.CancellationToken);
        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value[0].Kind.ShouldBe(ExchangeStatusKind.Filled, result.Value[0].ToString());
    }

    public async Task<ClearinghouseState> AccountAsync()
    {
        var state = await Info.GetClearinghouseStateAsync(Address, ct: TestContext.Current.CancellationToken);
        state.IsSuccess.ShouldBeTrue(state.ToString());
        return state.Value;
    }

    public async Task<IReadOnlyList<FrontendOpenOrder>> OpenOrdersAsync()
    {
        var open = await Info.GetFrontendOpenOrdersAsync(Address, ct: TestContext.Current.CancellationToken);
        open.IsSuccess.ShouldBeTrue(open.ToString());
        return open.Value;
    }

    public async Task<decimal> MidAsync(string coin)
    {
        var mids = await Info.GetAllMidsAsync(ct: TestContext.Current.CancellationToken);
        mids.IsSuccess.ShouldBeTrue(mids.ToString());
        return mids.Value[coin];
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        _http.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
