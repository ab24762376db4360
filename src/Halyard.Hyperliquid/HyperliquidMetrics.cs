using System.Diagnostics.Metrics;

namespace Halyard.Hyperliquid;

/// <summary>
/// The adapter's run-time metrics (meter "Halyard.Hyperliquid"): feed latency, order latency, message and
/// reconnect counts. One instance per node; clients share it.
/// </summary>
public sealed class HyperliquidMetrics : IDisposable
{
    public const string MeterName = "Halyard.Hyperliquid";

    public HyperliquidMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        FeedLatency = new LatencyHistogram("halyard.feed.latency", Meter, "Venue event time (or simulator send time) to hand-off into the kernel");
        FeedProcessing = new LatencyHistogram("halyard.feed.processing", Meter, "Socket receive to hand-off into the kernel");
        OrderLatency = new LatencyHistogram("halyard.order.latency", Meter, "Submit call to the venue's acknowledgement");
        Messages = Meter.CreateCounter<long>("halyard.feed.messages", description: "Market data messages mapped");
        Reconnects = Meter.CreateCounter<long>("halyard.ws.reconnects", description: "WebSocket reconnections");
    }

    public Meter Meter { get; }
    /// <summary>TsInit − TsEvent per market data message: venue clock to our clock.</summary>
    public LatencyHistogram FeedLatency { get; }
    /// <summary>Our own share: frame received → data posted to the kernel.</summary>
    public LatencyHistogram FeedProcessing { get; }
    /// <summary>Order submitted → accepted (or rejected) by the venue.</summary>
    public LatencyHistogram OrderLatency { get; }
    public Counter<long> Messages { get; }
    public Counter<long> Reconnects { get; }

    public void Dispose() => Meter.Dispose();
}
