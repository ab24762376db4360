using BenchmarkDotNet.Attributes;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.Benchmarks.Catalog;

/// <summary>
/// Catalog throughput on one core: write and read 1M quote ticks (targets: ≥ 2 M/s write, ≥ 10 M/s read).
/// Results are per quote tick (OperationsPerInvoke). The setup prints bytes per row for every type.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn, MaxColumn]
public class CatalogBenchmarks
{
    private const int Rows = 1_000_000;
    private QuoteTick[] _quotes = [];
    private string _root = "";
    private string _readRoot = "";
    private ParquetDataCatalog _readCatalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _quotes = CatalogStreams.Quotes(Rows);
        _root = Path.Combine(Path.GetTempPath(), "halyard-catalog-bench", Guid.NewGuid().ToString("N"));
        _readRoot = Path.Combine(_root, "read");
        // Day-long files, as a day of recording with hourly rotation would be consolidated to; hourly is reported below.
        _readCatalog = new ParquetDataCatalog(_readRoot, new CatalogOptions { RotationInterval = TimeSpan.FromDays(1) });
        _readCatalog.Write(_quotes);
        ReportSizes();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string _writeRoot = "";

    [IterationSetup(Target = nameof(WriteQuoteTicks))]
    public void NewWriteFolder() => _writeRoot = Path.Combine(_root, "write", Guid.NewGuid().ToString("N"));

    [IterationCleanup(Target = nameof(WriteQuoteTicks))]
    public void DeleteWriteFolder() => Directory.Delete(_writeRoot, recursive: true);

    /// <summary>1M quotes into hourly files (about 20 files), each synced and renamed.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int WriteQuoteTicks() => new ParquetDataCatalog(_writeRoot).Write(_quotes).Count;

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ReadQuoteTicks()
    {
        long sum = 0;
        using CatalogReader reader = _readCatalog.Open(MarketDataQuery.For(MarketDataKind.QuoteTick));
        while (reader.MoveNext()) sum += reader.Quote.BidPrice.Raw;
        return sum;
    }

    private void ReportSizes()
    {
        string root = Path.Combine(_root, "sizes");
        var catalog = new ParquetDataCatalog(root, new CatalogOptions { SyncOnWrite = false });
        Report("quote_tick (hourly files)", Rows, catalog.Write(_quotes));
        Report("quote_tick (daily files)", Rows, _readCatalog.Files(MarketDataKind.QuoteTick));
        Report("trade_tick", 200_000, catalog.Write(CatalogStreams.Trades(200_000)));
        Report("order_book_deltas", 500_000, catalog.Write(CatalogStreams.Deltas(500_000)));
        Report("bar (1-minute)", 100_000, catalog.Write(CatalogStreams.Bars(100_000)));
        Report("mark_price_update", 100_000, catalog.Write(CatalogStreams.MarkPrices(100_000)));
        Report("funding_rate_update", 2_000, catalog.Write(CatalogStreams.FundingRates(2_000)));
    }

    private static void Report(string what, int rows, IReadOnlyList<CatalogFile> files)
    {
        long bytes = files.Sum(f => f.Bytes);
        Console.WriteLine($"// catalog size: {what}: {rows:N0} rows, {files.Count} files, {bytes:N0} bytes, {(double)bytes / rows:F2} bytes/row");
    }
}
