using System.Diagnostics.Metrics;
using HdrHistogram;

namespace Halyard.Hyperliquid;

/// <summary>
/// A latency distribution in microseconds, recorded from any thread without locks (HdrHistogram's
/// <see cref="Recorder"/>, 3 significant digits) and mirrored to a <see cref="System.Diagnostics.Metrics"/>
/// histogram so a running node exports it (Prometheus/OpenTelemetry), not only our benchmarks.
/// </summary>
public sealed class LatencyHistogram
{
    private const long MaxTrackableMicros = 60_000_000; // one minute
    private readonly Recorder _recorder = new(1, MaxTrackableMicros, 3, (id, low, high, sig) => new LongConcurrentHistogram(low, high, sig));
    private readonly LongHistogram _total = new(1, MaxTrackableMicros, 3);
    private readonly object _gate = new();
    private readonly Histogram<double>? _metric;

    public LatencyHistogram(string name, Meter? meter = null, string? description = null)
    {
        Name = name;
        _metric = meter?.CreateHistogram<double>(name, unit: "us", description: description);
    }

    public string Name { get; }

    /// <summary>Records one latency; negative values (clock skew between hosts) count as zero.</summary>
    public void RecordNanoseconds(long nanoseconds)
    {
        long micros = Math.Clamp(nanoseconds / 1_000, 0, MaxTrackableMicros);
        _recorder.RecordValue(Math.Max(1, micros));
        _metric?.Record(nanoseconds / 1_000.0);
    }

    /// <summary>Everything recorded so far (cumulative).</summary>
    public LatencySummary Snapshot()
    {
        lock (_gate)
        {
            _total.Add(_recorder.GetIntervalHistogram());
            return LatencySummary.From(Name, _total);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _recorder.Reset();
            _total.Reset();
        }
    }
}

/// <summary>Percentiles of a <see cref="LatencyHistogram"/>, in microseconds.</summary>
public sealed record LatencySummary(string Name, long Count, double P50Micros, double P90Micros, double P99Micros, double MaxMicros)
{
    internal static LatencySummary From(string name, HistogramBase h) => h.TotalCount == 0
        ? new(name, 0, 0, 0, 0, 0)
        : new(name, h.TotalCount, h.GetValueAtPercentile(50), h.GetValueAtPercentile(90), h.GetValueAtPercentile(99), h.GetMaxValue());

    public override string ToString() => $"{Name}: n={Count} p50={P50Micros:0} µs p90={P90Micros:0} µs p99={P99Micros:0} µs max={MaxMicros:0} µs";
}
