namespace Halyard.Simulator;

/// <summary>What GET /sim/stats answers: throughput over the last second, totals, clients and market state.</summary>
public sealed record SimulatorStats(
    double OrdersPerSecond,
    double MessagesPerSecond,
    int ConnectedClients,
    long OrdersTotal,
    long MessagesTotal,
    long RequestsTotal,
    long Ticks,
    bool Paused)
{
    internal static SimulatorStats From(SimulatorRuntime runtime)
    {
        var (orders, messages) = runtime.Metrics.Rates();
        return new SimulatorStats(orders, messages, runtime.Metrics.ConnectedClients, runtime.Metrics.OrdersTotal,
            runtime.Metrics.MessagesTotal, runtime.Metrics.RequestsTotal, runtime.Market.Ticks, runtime.Market.IsPaused);
    }
}
