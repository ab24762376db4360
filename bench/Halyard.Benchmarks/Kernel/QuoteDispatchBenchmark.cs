using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using HdrHistogram;

namespace Halyard.Benchmarks.Kernel;

/// <summary>
/// Issue target: one quote through the kernel (dispatch → cache update → strategy callback) in under
/// 1 µs median with zero allocations. BDN gives the mean/median per operation and the allocations;
/// per-operation percentiles come from an HdrHistogram pass printed at the end of each benchmark
/// (each sample includes ~20-30 ns of timestamp overhead).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class QuoteDispatchBenchmark
{
    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }

    private const int Ring = 1024;
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");

    private TradingKernel _kernel = null!;
    private KernelMessage[] _quotes = null!;
    private KernelMessage[] _deltaMessages = null!;
    private BenchStrategy _strategy = null!;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new TestClock(1_700_000_000_000_000_000);
        _kernel = new TradingKernel(new TraderId("BENCH-001"), clock);
        _kernel.Data.Process(BenchStrategy.Instrument(Btc));
        _strategy = new BenchStrategy(Btc);
        _kernel.AddStrategy(_strategy);
        _kernel.StartStrategies();

        _quotes = new KernelMessage[Ring];
        for (int i = 0; i < Ring; i++)
        {
            long bid = 60_000_000_000_000L + (i % 17) * 1_000_000_000L;
            _quotes[i] = KernelMessage.Of(new QuoteTick(Btc, Price.FromRaw(bid, 0), Price.FromRaw(bid + 1_000_000_000L, 0),
                Quantity.FromRaw(1_000_000_000, 5), Quantity.FromRaw(2_000_000_000, 5), i, i));
        }

        // Book: a 20-level snapshot, then one-level updates near the top (the common venue update).
        var snapshot = new List<OrderBookDelta> { OrderBookDelta.Clear(Btc, 0, 0, 0) };
        for (int l = 0; l < 20; l++)
        {
            snapshot.Add(Level(OrderSide.Buy, 60_000 - l, 1, RecordFlags.Snapshot));
            snapshot.Add(Level(OrderSide.Sell, 60_001 + l, 1, RecordFlags.Snapshot));
        }
        _kernel.Process(new OrderBookDeltas(Btc, snapshot));
        _deltaMessages = new KernelMessage[Ring];
        for (int i = 0; i < Ring; i++)
        {
            // Alternately add and remove a level inside the spread-adjacent area, so the book stays the same size.
            long price = 59_990 - (i / 2 % 5);
            long size = i % 2 == 0 ? 3 : 0;
            _deltaMessages[i] = KernelMessage.Of(new OrderBookDeltas(Btc, [Level(OrderSide.Buy, price, size, RecordFlags.Last)]));
        }

        for (int i = 0; i < 100_000; i++) ProcessQuote(); // warm up (tiered JIT, dictionaries)
        for (int i = 0; i < 100_000; i++) PostThenProcessQuote();
        for (int i = 0; i < 100_000; i++) ProcessBookDelta();
    }

    private static OrderBookDelta Level(OrderSide side, long price, long size, RecordFlags flags) =>
        new(Btc, BookAction.Update, new BookOrder(side, Price.FromRaw(price * 1_000_000_000L, 0), Quantity.FromRaw(size * 1_000_000_000L, 5), 0), flags, 1, 1, 1);

    /// <summary>Kernel dispatch of one quote: data engine → cache → topic → strategy OnQuote.</summary>
    [Benchmark(Baseline = true)]
    public void ProcessQuote() => _kernel.Process(in _quotes[_i++ & (Ring - 1)]);

    /// <summary>The same plus the hop a data client makes: post into the inbox channel, kernel reads it.</summary>
    [Benchmark]
    public void PostThenProcessQuote()
    {
        _kernel.Inbox.Post(in _quotes[_i++ & (Ring - 1)]);
        _kernel.Inbox.Reader.TryRead(out KernelMessage message);
        _kernel.Process(in message);
    }

    /// <summary>One venue book update: apply the delta to the L2 book → cache'd book → strategy OnBook.</summary>
    [Benchmark]
    public void ProcessBookDelta() => _kernel.Process(in _deltaMessages[_i++ & (Ring - 1)]);

    [GlobalCleanup(Target = nameof(ProcessQuote))]
    public void QuoteLatency() => PrintPercentiles(nameof(ProcessQuote), ProcessQuote);

    [GlobalCleanup(Target = nameof(PostThenProcessQuote))]
    public void PostLatency() => PrintPercentiles(nameof(PostThenProcessQuote), PostThenProcessQuote);

    [GlobalCleanup(Target = nameof(ProcessBookDelta))]
    public void DeltaLatency() => PrintPercentiles(nameof(ProcessBookDelta), ProcessBookDelta);

    private void PrintPercentiles(string name, Action op)
    {
        var histogram = new LongHistogram(1_000_000_000L, 3);
        const int samples = 1_000_000;
        double nsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            op();
            histogram.RecordValue((long)((Stopwatch.GetTimestamp() - start) * nsPerTick));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"// HDR {name}: p50={histogram.GetValueAtPercentile(50)} ns p99={histogram.GetValueAtPercentile(99)} ns " +
            $"p99.9={histogram.GetValueAtPercentile(99.9)} ns max={histogram.GetMaxValue()} ns over {samples:N0} ops; " +
            $"allocated {allocated} B; strategy saw {_strategy.Quotes:N0} quotes, {_strategy.Books:N0} books");
    }
}
