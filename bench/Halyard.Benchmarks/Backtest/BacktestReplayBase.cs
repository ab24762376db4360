using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Halyard.Core.Backtest;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Persistence.Catalog;
using Halyard.Samples.Backtest;

namespace Halyard.Benchmarks.Backtest;

/// <summary>
/// Shared setup of the backtest replay benchmarks. Quote ticks replayed from a Parquet catalog through <see cref="BacktestNode"/> on one thread, per tick
/// (OperationsPerInvoke). Targets: ≥ 5 M/s to a strategy that does nothing, ≥ 1 M/s with the sample
/// strategy trading on the simulated venue. Two range lengths (1M, 4M ticks) show memory stays flat:
/// allocated bytes per tick and the peak working set printed after each run do not grow with the range.
/// </summary>
public abstract class BacktestReplayBase
{
    private static readonly InstrumentId Btc = InstrumentId.Parse("BTC-USD-PERP.HYPERLIQUID");
    private string _root = "";
    private ParquetDataCatalog _catalog = null!;

    protected abstract int Ticks { get; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "halyard-backtest-bench", Guid.NewGuid().ToString("N"));
        _catalog = new ParquetDataCatalog(_root, new CatalogOptions { RotationInterval = TimeSpan.FromDays(1), SyncOnWrite = false });
        // Written in chunks so the setup itself does not hold the whole range in memory.
        var random = new Random(42);
        long bid = 95_000, ts = 1_767_225_600_000_000_000L;
        long bidSize = 150_000, askSize = 220_000;
        var chunk = new QuoteTick[250_000];
        for (int written = 0; written < Ticks; written += chunk.Length)
        {
            for (int i = 0; i < chunk.Length; i++)
            {
                if (random.Next(100) < 20) bid += random.Next(2) == 0 ? -1 : 1;
                long spread = random.Next(10) == 0 ? 2 : 1;
                if (random.Next(3) == 0) bidSize = Math.Max(1, bidSize + random.Next(-2_000, 2_001));
                if (random.Next(3) == 0) askSize = Math.Max(1, askSize + random.Next(-2_000, 2_001));
                ts += random.Next(5_000_000, 150_000_000);
                chunk[i] = new QuoteTick(Btc, Price.FromDecimal(bid, 0), Price.FromDecimal(bid + spread, 0),
                    Quantity.FromRaw(bidSize * 10_000, 5), Quantity.FromRaw(askSize * 10_000, 5), ts, ts);
            }
            _catalog.Write(chunk);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private long _allocatedBefore;

    [IterationSetup]
    public void Before()
    {
        GC.Collect();
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    }

    [IterationCleanup]
    public void After()
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        Console.WriteLine($"// memory: ticks={Ticks} allocated={allocated / 1024.0 / 1024:F1} MiB ({(double)allocated / Ticks:F1} B/tick) " +
            $"peakWorkingSet={Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:F0} MiB heapAfterRun={GC.GetTotalMemory(false) / 1024.0 / 1024:F0} MiB");
    }

    /// <summary>Replay to a strategy that subscribes to quotes and does nothing with them.</summary>
    protected long ReplayIdle() => Run(new IdleStrategy(Btc));

    /// <summary>Replay with the sample strategy trading market orders on the simulated venue.</summary>
    protected long ReplaySample() => Run(new MidCrossStrategy(new MidCrossStrategyConfig { InstrumentId = Btc, TradeSize = 0.001m }));

    private long Run(Strategy strategy)
    {
        var config = new BacktestConfig
        {
            Source = _catalog,
            Instruments = [Instrument()],
            DataKinds = [Core.Data.MarketDataKind.QuoteTick],
            Strategies = [strategy],
        };
        BacktestResult result = new BacktestNode(config).Run();
        if (result.Events != Ticks) throw new InvalidOperationException($"replayed {result.Events} of {Ticks}");
        return result.Events;
    }

    private static CryptoPerpetual Instrument() => new()
    {
        Id = Btc,
        RawSymbol = "BTC",
        BaseCurrency = new Currency("BTC", 5),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = 0,
        SizePrecision = 5,
        PriceIncrement = Price.Parse("1"),
        SizeIncrement = Quantity.Parse("0.00001"),
        MaxSignificantFigures = 5,
        MakerFee = 0.00015m,
        TakerFee = 0.00045m,
        MinNotional = 10m,
        MaxLeverage = 40,
        MarginInit = 0.025m,
    };

    private sealed class IdleStrategy(InstrumentId instrument) : Strategy("IDLE-001")
    {
        protected override void OnStart() => SubscribeQuotes(instrument);
    }
}
