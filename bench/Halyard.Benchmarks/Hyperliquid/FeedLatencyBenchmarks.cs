using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Simulator;
using HdrHistogram;

namespace Halyard.Benchmarks.Hyperliquid;

/// <summary>
/// Feed latency over loopback through the real stack: simulator → WebSocket → HyperliquidDataClient (parse, diff,
/// post) → kernel inbox → DataEngine book → strategy <c>OnBook</c>. Target (issue 5): p50 ≤ 100 µs, p99 ≤ 1 ms.
/// The simulator stamps no send time and its venue times are whole milliseconds, so the send time is taken from
/// <see cref="SimulatorHost.Step"/>: a tick moves the market and, as its last act, queues the l2Book frame to the
/// socket's sender. "queued → OnBook" starts when Step returns (the frame is queued, the send is under way) and is the
/// figure for the target; "tick start → OnBook" starts before the tick and includes the simulator's own work.
/// Run: dotnet run -c Release --project bench/Halyard.Benchmarks -- --filter '*FeedLatency*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class FeedLatencyBenchmarks
{
    private const int StepsPerInvocation = 500;
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private readonly LongHistogram _latency = new(TimeStamp.Seconds(10), 3);
    private readonly LongHistogram _fromTickStart = new(TimeStamp.Seconds(10), 3);
    private readonly LongHistogram _stepDuration = new(TimeStamp.Seconds(10), 3);
    private SimulatorHost _sim = null!;
    private TradingNode _node = null!;
    private HyperliquidDataClient _client = null!;
    private HyperliquidMetrics _metrics = null!;
    private FeedProbeStrategy _probe = null!;
    private long _missed;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _sim = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Port = 0,
            Seed = 7,
            StartPaused = true,
            Coins = [SimulatedCoin.DefaultUniverse[0]], // BTC only: a tick then does the work of one market
        });
        _node = new TradingNode(new TradingNodeConfig { TraderId = "BENCH-001" });
        _metrics = new HyperliquidMetrics();
        var config = new HyperliquidDataClientConfig { Endpoints = HyperliquidEndpoints.At(new Uri(_sim.Url)) }.Validate();
        _client = new HyperliquidDataClient(config, _node.Inbox, _node.Clock, _metrics);
        _probe = new FeedProbeStrategy(Btc);
        _node.AddDataClient(_client);
        _node.AddStrategy(_probe);
        await _node.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref _probe.Books) == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no book snapshot from the simulator within 30 s");
            await Task.Delay(10);
        }
        _metrics.FeedProcessing.Reset();
    }

    /// <summary>One market tick, then wait for its book to reach the strategy; per-step latencies go into the HDR histogram.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvocation)]
    public void SimulatorTickToStrategyBookCallback()
    {
        for (int i = 0; i < StepsPerInvocation; i++)
        {
            _probe.Arm();
            long start = Stopwatch.GetTimestamp();
            _sim.Step(1);
            long stepped = Stopwatch.GetTimestamp();
            if (_probe.WaitForCallback(TimeSpan.FromMilliseconds(200)) is not long arrived)
            {
                _missed++; // the tick left the BTC book unchanged: no update to time
                continue;
            }
            _latency.RecordValue(Micros(arrived - stepped));
            _fromTickStart.RecordValue(Micros(arrived - start));
            _stepDuration.RecordValue(Micros(stepped - start));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// HDR queued → OnBook: p50={_latency.GetValueAtPercentile(50)} µs p90={_latency.GetValueAtPercentile(90)} µs " +
                          $"p99={_latency.GetValueAtPercentile(99)} µs max={_latency.GetMaxValue()} µs n={_latency.TotalCount} missed={_missed}");
        Console.WriteLine($"// HDR tick start → OnBook: p50={_fromTickStart.GetValueAtPercentile(50)} µs p90={_fromTickStart.GetValueAtPercentile(90)} µs " +
                          $"p99={_fromTickStart.GetValueAtPercentile(99)} µs max={_fromTickStart.GetMaxValue()} µs");
        Console.WriteLine($"// HDR simulator Step(1) itself: p50={_stepDuration.GetValueAtPercentile(50)} µs p99={_stepDuration.GetValueAtPercentile(99)} µs");
        Console.WriteLine($"// HDR client share (frame received → posted): {_metrics.FeedProcessing.Snapshot()}");
        _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sim.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _metrics.Dispose();
    }

    private static long Micros(long stopwatchTicks) => Math.Max(1, stopwatchTicks * 1_000_000 / Stopwatch.Frequency);
}
