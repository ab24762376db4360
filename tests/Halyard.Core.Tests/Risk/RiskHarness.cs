using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Tests.Testing;
using CoreStrategy = Halyard.Core.Strategies.Strategy;

namespace Halyard.Core.Tests.Risk;

/// <summary>A kernel on a test clock with a <see cref="TestVenue"/> (ETH and BTC), a risk manager and one test-driven strategy.</summary>
internal sealed class RiskHarness
{
    public const long Start = 1_764_000_000_000_000_000;

    public RiskHarness(RiskManagerConfig config, IRiskStateStore? store = null, RiskEngineConfig? engine = null, decimal balance = 10_000m, long start = Start,
        IEnumerable<CoreStrategy>? strategies = null)
    {
        Clock = new TestClock(start);
        int seq = 0;
        Kernel = new TradingKernel(new TraderId("TESTER-001"), Clock, risk: engine, newId: () => new Guid(++seq, 0, 0, new byte[8]),
            riskManager: config, riskStateStore: store);
        Eth = TestInstruments.Eth();
        Btc = Eth with { Id = new InstrumentId("BTC-USD-PERP", new Venue("HYPERLIQUID")), RawSymbol = "BTC", BaseCurrency = new Currency("BTC", 5), SizePrecision = 5, SizeIncrement = Quantity.Parse("0.00001"), PricePrecision = 0, PriceIncrement = Price.Parse("1") };
        Venue = new TestVenue(Kernel.Inbox, () => Clock.UtcNowNs, [Eth, Btc], startingBalance: balance);
        Kernel.AddDataClient(Venue);
        Kernel.AddExecutionClient(Venue);
        Strategy = new ManualStrategy([Eth.Id, Btc.Id]);
        Kernel.AddStrategy(Strategy);
        foreach (CoreStrategy other in strategies ?? []) Kernel.AddStrategy(other);
        Kernel.Bus.Subscribe<PositionUnprotected>(RiskManager.UnprotectedTopic, Alerts.Add);
        Venue.ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        Kernel.DrainInbox();
        Kernel.StartStrategies();
        Kernel.DrainInbox();
    }

    public TestClock Clock { get; }
    public TradingKernel Kernel { get; }
    public RiskManager Manager => Kernel.RiskManager;
    public CryptoPerpetual Eth { get; }
    public CryptoPerpetual Btc { get; }
    public TestVenue Venue { get; }
    public ManualStrategy Strategy { get; }
    public List<PositionUnprotected> Alerts { get; } = [];
    public PositionId EthPosition => PositionId.Netting(Eth.Id, Strategy.Id);

    /// <summary>Moves time on by a millisecond, pushes an ETH quote and processes everything that follows.</summary>
    public void Quote(string bid, string ask) => Quote(Eth.Id, bid, ask);

    public void Quote(InstrumentId id, string bid, string ask)
    {
        Advance(TimeSpan.FromMilliseconds(1));
        Venue.PushQuote(id, bid, ask);
        Drain();
    }

    /// <summary>Moves the clock, firing due timers, and processes what they caused.</summary>
    public void Advance(TimeSpan by)
    {
        long to = Clock.UtcNowNs + by.Ticks * 100;
        while (Clock.NextEventNs is long next && next <= to)
        {
            Clock.AdvanceAndFire(next);
            Drain();
        }
        Clock.AdvanceAndFire(to);
        Drain();
    }

    public void Drain() => Kernel.DrainInbox();

    public Order Buy(string qty) => Run(() => Strategy.Market(Eth.Id, OrderSide.Buy, qty));
    public Order Sell(string qty) => Run(() => Strategy.Market(Eth.Id, OrderSide.Sell, qty));

    public T Run<T>(Func<T> action)
    {
        T result = action();
        Drain();
        return result;
    }

    public Position? Position => Kernel.Cache.Position(EthPosition);
    public PositionProtection Protection => Manager.ProtectionOf(EthPosition).ShouldNotBeNull();
    public Order Stop => Protection.StopLoss.ShouldNotBeNull();
}
