using System.Diagnostics;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Benchmarks.Hyperliquid;

/// <summary>Notes when each book update reaches the strategy callback (Stopwatch ticks) and wakes the benchmark thread.</summary>
internal sealed class FeedProbeStrategy(InstrumentId instrumentId) : Strategy("PROBE-001")
{
    private readonly ManualResetEventSlim _arrived = new(false);
    private long _arrivedAt;

    public long Books;

    protected override void OnStart() => SubscribeBook(instrumentId);

    protected override void OnBook(OrderBook book)
    {
        Volatile.Write(ref _arrivedAt, Stopwatch.GetTimestamp());
        Books++;
        _arrived.Set();
    }

    public void Arm() => _arrived.Reset();

    /// <summary>The Stopwatch time of the next callback after <see cref="Arm"/>, or null when none came in time.</summary>
    public long? WaitForCallback(TimeSpan timeout) => _arrived.Wait(timeout) ? Volatile.Read(ref _arrivedAt) : null;
}
