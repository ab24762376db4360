using BenchmarkDotNet.Attributes;

namespace Halyard.Benchmarks.Backtest;

/// <summary>4M quote ticks from Parquet through the backtest, per tick; compare with the other range length for flat memory.</summary>
[MemoryDiagnoser, MinColumn, MedianColumn, MaxColumn]
public class BacktestReplay4MBenchmark : BacktestReplayBase
{
    private const int Count = 4_000_000;

    protected override int Ticks => Count;

    [Benchmark(OperationsPerInvoke = Count)]
    public long ReplayToIdleStrategy() => ReplayIdle();

    [Benchmark(OperationsPerInvoke = Count)]
    public long ReplayWithSampleStrategyAndVenue() => ReplaySample();
}
