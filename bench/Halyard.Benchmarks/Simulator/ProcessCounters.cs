namespace Halyard.Benchmarks.Simulator;

/// <summary>
/// What a latency run cost the process (clients and simulator share it): garbage collections and their total pause,
/// bytes allocated and thread-pool work items per order (each work item is a thread hop that may wait for a core).
/// </summary>
internal readonly record struct ProcessCounters(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated, long WorkItems, long LockWaits)
{
    public static ProcessCounters Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: false), ThreadPool.CompletedWorkItemCount, Monitor.LockContentionCount);

    public string Since(ProcessCounters before, long orders) =>
        $"GCs gen0/1/2={Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} pause={(Pause - before.Pause).TotalMilliseconds:F1} ms " +
        $"alloc={(double)(Allocated - before.Allocated) / Math.Max(1, orders) / 1024:F1} KiB/order " +
        $"threadpool items={(double)(WorkItems - before.WorkItems) / Math.Max(1, orders):F1}/order lock contentions={LockWaits - before.LockWaits}";
}
