using Halyard.Simulator.Http;
using Halyard.Simulator.Market;
using Halyard.Simulator.Venue;
using Halyard.Simulator.Ws;
using Microsoft.Extensions.Logging;

namespace Halyard.Simulator;

/// <summary>The parts of one running simulator, wired once by <see cref="SimulatorHost"/> and shared by its endpoints.</summary>
internal sealed class SimulatorRuntime : IDisposable
{
    public SimulatorRuntime(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Options = options;
        Time = time;
        Hub = new SubscriptionHub();
        Metrics = new SimulatorMetrics(time, () => Hub.ConnectionCount);
        Faults = new FaultInjector();
        Publisher = new MarketPublisher(Hub);
        Exchange = new SimulatedExchange(options, time, Publisher);
        Publisher.Attach(Exchange);
        Info = new InfoService(Exchange);
        Actions = new ActionService(Exchange, Faults, Metrics, options);
        Market = new LivingMarket(Exchange, options, time, loggerFactory.CreateLogger<LivingMarket>());
    }

    public SimulatorOptions Options { get; }
    public TimeProvider Time { get; }
    public SubscriptionHub Hub { get; }
    public SimulatorMetrics Metrics { get; }
    public FaultInjector Faults { get; }
    public MarketPublisher Publisher { get; }
    public SimulatedExchange Exchange { get; }
    public InfoService Info { get; }
    public ActionService Actions { get; }
    public LivingMarket Market { get; }

    public void Dispose()
    {
        Market.Dispose();
        Metrics.Dispose();
    }
}
