using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Testing;

/// <summary>A kernel driven synchronously on a test clock (as a backtest drives it) with a <see cref="TestVenue"/> attached.</summary>
internal sealed class KernelHarness
{
    public const long Start = 1_764_000_000_000_000_000;

    public KernelHarness(RiskEngineConfig? risk = null, params Strategy[] strategies)
    {
        Clock = new TestClock(Start);
        int seq = 0;
        Kernel = new TradingKernel(new TraderId("TESTER-001"), Clock, risk: risk, newId: () => new Guid(++seq, 0, 0, new byte[8]));
        Instrument = TestInstruments.Eth();
        Venue = new TestVenue(Kernel.Inbox, () => Clock.UtcNowNs, [Instrument]);
        Kernel.AddDataClient(Venue);
        Kernel.AddExecutionClient(Venue);
        foreach (Strategy s in strategies) Kernel.AddStrategy(s);
        Venue.ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        Kernel.DrainInbox();
    }

    public TestClock Clock { get; }
    public TradingKernel Kernel { get; }
    public CryptoPerpetual Instrument { get; }
    public InstrumentId Id => Instrument.Id;
    public TestVenue Venue { get; }

    public void StartStrategies()
    {
        Kernel.StartStrategies();
        Kernel.DrainInbox();
    }

    /// <summary>Moves time on by a millisecond, pushes a quote and lets the kernel process everything that follows.</summary>
    public void Quote(string bid, string ask)
    {
        Clock.AdvanceAndFire(Clock.UtcNowNs + 1_000_000);
        Venue.PushQuote(Id, bid, ask);
        Kernel.DrainInbox();
    }

    public void Drain() => Kernel.DrainInbox();
}
