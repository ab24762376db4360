using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary><see cref="ParquetDataCatalog.MissingIntervals"/>: what a backfill may still write without overlapping a file.</summary>
public sealed class MissingIntervalsTests
{
    private const long S = 1_000_000_000L;

    private static FundingRateUpdate Rate(long ts) => new(SampleData.Btc, 0.0001m, null, ts, ts);

    [Fact]
    public void Gaps_are_the_request_minus_every_file_interval_of_that_key()
    {
        using var temp = new TempCatalog(new CatalogOptions { SyncOnWrite = false, SparseRotationInterval = TimeSpan.FromSeconds(100) });
        temp.Catalog.Write([Rate(110 * S), Rate(150 * S)]);        // one file [110, 150]
        temp.Catalog.Write([Rate(200 * S), Rate(250 * S)]);        // another [200, 250]
        temp.Catalog.Write([new FundingRateUpdate(SampleData.Eth, 0.0001m, null, 160 * S, 160 * S)]); // another key: no effect
        string key = SampleData.Btc.ToString();

        temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 100 * S, 300 * S).ShouldBe(
        [
            new CatalogInterval(100 * S, 110 * S - 1),
            new CatalogInterval(150 * S + 1, 200 * S - 1),
            new CatalogInterval(250 * S + 1, 300 * S),
        ]);
        temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 120 * S, 140 * S).ShouldBeEmpty();
        temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 120 * S, 210 * S).ShouldBe([new CatalogInterval(150 * S + 1, 200 * S - 1)]);
        temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 10 * S, 20 * S).ShouldBe([new CatalogInterval(10 * S, 20 * S)]);
        temp.Catalog.MissingIntervals(MarketDataKind.Bar, "BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL", 10 * S, 20 * S).ShouldBe([new CatalogInterval(10 * S, 20 * S)]);
    }

    [Fact]
    public void Writing_exactly_the_missing_rows_never_overlaps()
    {
        using var temp = new TempCatalog(new CatalogOptions { SyncOnWrite = false, SparseRotationInterval = TimeSpan.FromSeconds(1000) });
        temp.Catalog.Write([Rate(300 * S), Rate(400 * S)]);
        string key = SampleData.Btc.ToString();
        foreach (CatalogInterval gap in temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 0, 1000 * S))
            temp.Catalog.Write(Enumerable.Range(0, 10).Select(i => i * 100 * S).Where(gap.Contains).Select(Rate).ToArray());

        temp.Catalog.Files(MarketDataKind.FundingRateUpdate).Count.ShouldBe(3);
        // Slivers between files stay "missing" by time, but no row time falls in one: a second pass finds nothing to write.
        temp.Catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, 0, 900 * S)
            .ShouldAllBe(gap => Enumerable.Range(0, 10).All(i => !gap.Contains(i * 100 * S)));
    }
}
