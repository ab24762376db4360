using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using HdrHistogram;

namespace Halyard.Benchmarks.Matching;

/// <summary>
/// Issue target: ≥ 1,000,000 order operations per second in-process and p99 of one operation ≤ 5 µs.
/// BDN measures the mean/median of one operation of the mixed add/cancel/cross flow
/// (<see cref="MatchingWorkload"/>); ops/s = 1e9 / mean ns. The per-operation latency distribution comes
/// from an HdrHistogram pass of Stopwatch ticks printed at the end of each benchmark ("// HDR ...";
/// each sample includes ~20-30 ns of timestamp overhead).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class MatchingEngineBenchmark
{
    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max, StatisticColumn.OperationsPerSecond);
    }

    private MatchingWorkload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new MatchingWorkload();
        for (int i = 0; i < 200_000; i++) _workload.Step(); // warm up: tiered JIT, pools, dictionaries
    }

    /// <summary>One operation of the mixed flow (≈50 % add, 35 % cancel, 15 % crossing IOC).</summary>
    [Benchmark(Baseline = true)]
    public void MixedOperation() => _workload.Step();

    /// <summary>A passive add then a cancel of the oldest live order (2 operations).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void AddThenCancel()
    {
        _workload.Add();
        _workload.Cancel();
    }

    [GlobalCleanup(Target = nameof(MixedOperation))]
    public void MixedLatency() => PrintPercentiles(nameof(MixedOperation), _workload, _workload.Step);

    [GlobalCleanup(Target = nameof(AddThenCancel))]
    public void AddCancelLatency() => PrintPercentiles(nameof(AddThenCancel), _workload, () => { _workload.Add(); _workload.Cancel(); });

    /// <summary>Times every single call with Stopwatch ticks into an HdrHistogram (ns) and prints percentiles.</summary>
    internal static void PrintPercentiles(string name, MatchingWorkload workload, Action op, int samples = 2_000_000)
    {
        var histogram = new LongHistogram(1_000_000_000L, 3);
        double nsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
        long fillsBefore = workload.Fills;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long total = Stopwatch.GetTimestamp();
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            op();
            histogram.RecordValue((long)((Stopwatch.GetTimestamp() - start) * nsPerTick));
        }
        double seconds = (Stopwatch.GetTimestamp() - total) / (double)Stopwatch.Frequency;
        // CPU time shows the engine's own cost when the machine is shared (wall time then includes waiting for a core).
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"// HDR {name}: p50={histogram.GetValueAtPercentile(50)} ns p99={histogram.GetValueAtPercentile(99)} ns " +
            $"p99.9={histogram.GetValueAtPercentile(99.9)} ns max={histogram.GetMaxValue()} ns over {samples:N0} calls " +
            $"({samples / seconds:N0} calls/s wall, {samples / cpuSeconds:N0} calls per CPU-second, incl. timing); allocated {allocated / (double)samples:F1} B/call; " +
            $"fills {workload.Fills - fillsBefore:N0}; live orders {workload.Engine.LiveOrderCount:N0}");
    }
}
