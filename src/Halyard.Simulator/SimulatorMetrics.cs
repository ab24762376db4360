using System.Diagnostics.Metrics;

namespace Halyard.Simulator;

/// <summary>
/// Counters of one simulator, published on the <c>Halyard.Simulator</c> meter (orders, messages, connected clients)
/// and as per-second rates over the last full second for GET /sim/stats.
/// </summary>
internal sealed class SimulatorMetrics : IDisposable
{
    public const string MeterName = "Halyard.Simulator";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _orders;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _requests;
    private readonly TimeProvider _time;
    private readonly Func<int> _connectedClients;
    private readonly object _rateGate = new();
    private long _ordersTotal, _messagesTotal, _requestsTotal;
    private long _windowStart;
    private long _ordersAtWindowStart, _messagesAtWindowStart;
    private double _ordersPerSecond, _messagesPerSecond;

    public SimulatorMetrics(TimeProvider time, Func<int> connectedClients)
    {
        _time = time;
        _connectedClients = connectedClients;
        _windowStart = time.GetTimestamp();
        _orders = _meter.CreateCounter<long>("halyard.simulator.orders", "{order}", "Orders, cancels and modifies received");
        _messages = _meter.CreateCounter<long>("halyard.simulator.messages", "{message}", "WebSocket frames sent to clients");
        _requests = _meter.CreateCounter<long>("halyard.simulator.requests", "{request}", "HTTP and WebSocket post requests served");
        _meter.CreateObservableGauge("halyard.simulator.connected_clients", () => _connectedClients(), "{connection}", "Open WebSocket connections");
    }

    public long OrdersTotal => Interlocked.Read(ref _ordersTotal);
    public long MessagesTotal => Interlocked.Read(ref _messagesTotal);
    public long RequestsTotal => Interlocked.Read(ref _requestsTotal);
    public int ConnectedClients => _connectedClients();

    public void OrdersReceived(int count)
    {
        Interlocked.Add(ref _ordersTotal, count);
        _orders.Add(count);
    }

    public void MessagesSent(int count)
    {
        Interlocked.Add(ref _messagesTotal, count);
        _messages.Add(count);
    }

    public void RequestServed()
    {
        Interlocked.Increment(ref _requestsTotal);
        _requests.Add(1);
    }

    /// <summary>Orders and messages per second over the last completed window of at least one second.</summary>
    public (double Orders, double Messages) Rates()
    {
        lock (_rateGate)
        {
            var elapsed = _time.GetElapsedTime(_windowStart);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                long orders = OrdersTotal, messages = MessagesTotal;
                _ordersPerSecond = (orders - _ordersAtWindowStart) / elapsed.TotalSeconds;
                _messagesPerSecond = (messages - _messagesAtWindowStart) / elapsed.TotalSeconds;
                _ordersAtWindowStart = orders;
                _messagesAtWindowStart = messages;
                _windowStart = _time.GetTimestamp();
            }
            return (_ordersPerSecond, _messagesPerSecond);
        }
    }

    public void Dispose() => _meter.Dispose();
}
