using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using HdrHistogram;

namespace Halyard.Benchmarks.Simulator;

/// <summary>
/// Signed orders over loopback into the simulator, signature recovery included.
/// Targets (issue 4): ≥ 5,000 orders/s accepted from concurrent clients; each client's order→response
/// p99 ≤ 2 ms at 1,000 orders/s. Run: dotnet run -c Release --project bench/Halyard.Benchmarks -- --filter '*SimulatorOrder*'
/// (the job is fixed here: each invocation consumes pre-signed orders, so do not add --job).
/// </summary>
[Config(typeof(Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class SimulatorOrderBenchmarks
{
    private const int Burst = 250;
    private const int PacedSeconds = 2;
    private SimulatorLoad _load = null!;

    [Params(8)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Pool: 12 throughput bursts + 12 paced runs of 1,000 orders/s spread over the clients, plus slack.
        int perClient = 12 * Burst + 12 * PacedSeconds * 1000 / Clients + 12 * Burst + 500;
        _load = SimulatorLoad.StartAsync(Clients, perClient).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _load.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Every client sends 250 orders back to back, all at once: orders/s = Clients × 250 / time.</summary>
    [Benchmark(OperationsPerInvoke = 8 * Burst)]
    public Task ConcurrentSignedOrders() => Task.WhenAll(_load.Clients.Select(async c =>
    {
        for (int i = 0; i < Burst; i++) await c.SendNextAsync().ConfigureAwait(false);
    }));

    /// <summary>One client alone, 250 orders back to back: the bare order→response time; prints its percentiles.</summary>
    [Benchmark(OperationsPerInvoke = Burst)]
    public async Task SequentialOrdersOneClient()
    {
        var histogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        var client = _load.Clients[0];
        for (int i = 0; i < Burst; i++)
        {
            long sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await client.SendNextAsync().ConfigureAwait(false);
            histogram.RecordValue((System.Diagnostics.Stopwatch.GetTimestamp() - sent) * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);
        }
        Console.WriteLine($"// HDR one client back to back: p50={histogram.GetValueAtPercentile(50)} µs p99={histogram.GetValueAtPercentile(99)} µs max={histogram.GetMaxValue()} µs n={histogram.TotalCount}");
    }

    /// <summary>
    /// 1,000 orders/s in total, evenly paced over the clients for two seconds; prints each run's per-order latency
    /// percentiles (HDR line). The reported time is the run's wall time.
    /// </summary>
    [Benchmark]
    public async Task PacedOrdersAt1000PerSecond()
    {
        var histogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        var process = ProcessCounters.Take();
        var interval = TimeSpan.FromMilliseconds(Clients); // each client: 1000 / Clients orders/s
        int perClient = PacedSeconds * 1000 / Clients;
        await Task.WhenAll(_load.Clients.Select(async (c, index) =>
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp() + index * interval.Ticks / Clients;
            for (int i = 0; i < perClient; i++)
            {
                long due = start + (long)(i * interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
                while (System.Diagnostics.Stopwatch.GetTimestamp() < due) await Task.Delay(1).ConfigureAwait(false);
                long sent = System.Diagnostics.Stopwatch.GetTimestamp();
                await c.SendNextAsync().ConfigureAwait(false);
                long elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - sent;
                lock (histogram) histogram.RecordValue(elapsed * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);
            }
        }));
        Console.WriteLine($"// HDR paced 1000/s over {Clients} clients: p50={histogram.GetValueAtPercentile(50)} µs p99={histogram.GetValueAtPercentile(99)} µs " +
                          $"p99.9={histogram.GetValueAtPercentile(99.9)} µs max={histogram.GetMaxValue()} µs n={histogram.TotalCount}; " +
                          ProcessCounters.Take().Since(process, histogram.TotalCount));
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
    }
}
