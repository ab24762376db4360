using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.Persistence.Tests.Catalog;

public sealed class CatalogRoundTripTests
{
    private static List<object> ReadAll(ParquetDataCatalog catalog, MarketDataQuery query)
    {
        using CatalogReader reader = catalog.Open(query);
        List<object> all = reader.ReadAllObjects();
        reader.Problems.ShouldBeEmpty();
        return all;
    }

    [Fact]
    public void Quote_ticks_read_back_equal_to_what_was_written()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 12_345);
        temp.Catalog.Write(quotes);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick)).ShouldBe(quotes.Cast<object>().ToList());
        using CatalogReader reader = temp.Catalog.Open(MarketDataQuery.For(MarketDataKind.QuoteTick));
        reader.MoveNext().ShouldBeTrue();
        reader.Quote.BidPrice.Precision.ShouldBe((byte)1);
        reader.Quote.BidSize.Precision.ShouldBe((byte)5);
    }

    [Fact]
    public void Trade_ticks_read_back_equal_to_what_was_written()
    {
        using var temp = new TempCatalog();
        TradeTick[] trades = SampleData.Trades(SampleData.Btc, 7_001);
        temp.Catalog.Write(trades);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.TradeTick)).ShouldBe(trades.Cast<object>().ToList());
    }

    [Fact]
    public void Book_deltas_read_back_as_given_with_snapshot_and_last_flags()
    {
        using var temp = new TempCatalog();
        OrderBookDelta[] deltas = SampleData.Deltas(SampleData.Btc, 3_000);
        temp.Catalog.Write(deltas);
        List<object> read = ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.OrderBookDelta));
        read.ShouldBe(deltas.Cast<object>().ToList());
        var first = (OrderBookDelta)read[0];
        first.Action.ShouldBe(BookAction.Clear);
        first.Flags.ShouldBe(RecordFlags.Snapshot);
        read.Cast<OrderBookDelta>().Count(d => d.IsLast).ShouldBe(1 + 3_000);
    }

    [Fact]
    public void Bars_read_back_equal_and_live_in_a_folder_per_bar_type()
    {
        using var temp = new TempCatalog();
        Bar[] bars = SampleData.Bars(SampleData.Btc, 500);
        temp.Catalog.Write(bars);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.Bar)).ShouldBe(bars.Cast<object>().ToList());
        Directory.Exists(Path.Combine(temp.Root, "data", "bar", "BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL")).ShouldBeTrue();
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.Bar, SampleData.Btc)).Count.ShouldBe(500);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.Bar, SampleData.Eth)).ShouldBeEmpty();
    }

    [Fact]
    public void Mark_prices_and_funding_rates_read_back_equal()
    {
        using var temp = new TempCatalog();
        MarkPriceUpdate[] marks = SampleData.MarkPrices(SampleData.Eth, 300);
        FundingRateUpdate[] funding = SampleData.FundingRates(SampleData.Eth, 6);
        temp.Catalog.Write(marks);
        temp.Catalog.Write(funding);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.MarkPriceUpdate)).ShouldBe(marks.Cast<object>().ToList());
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.FundingRateUpdate)).ShouldBe(funding.Cast<object>().ToList());
    }

    [Fact]
    public void Depth_snapshots_read_back_equal_across_row_groups_and_instruments()
    {
        using var temp = new TempCatalog();
        OrderBookDepth10[] btc = SampleData.Depths(SampleData.Btc, 12_000); // three row groups
        OrderBookDepth10[] eth = SampleData.Depths(SampleData.Eth, 50, SampleData.Start + 1);
        temp.Catalog.Write(btc);
        temp.Catalog.Write(eth);
        Directory.Exists(Path.Combine(temp.Root, "data", "order_book_depths", "BTC-USD-PERP.HYPERLIQUID")).ShouldBeTrue();
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.OrderBookDepth10, SampleData.Btc)).ShouldBe(btc.Cast<object>().ToList());
        List<object> merged = ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.OrderBookDepth10));
        merged.Count.ShouldBe(btc.Length + eth.Length);
        merged.Cast<OrderBookDepth10>().Select(d => d.TsInit).ShouldBeInOrder();
        temp.Catalog.List().Single(e => e.Kind == MarketDataKind.OrderBookDepth10 && e.Key == "ETH-USD-PERP.HYPERLIQUID").Rows.ShouldBe(50);
    }

    [Fact]
    public void A_depth_snapshot_of_a_book_copies_its_top_ten_levels_best_first()
    {
        var book = new OrderBook(SampleData.Btc, 1, 5);
        long ts = SampleData.Start;
        book.Apply(OrderBookDelta.Clear(SampleData.Btc, 1, ts, ts));
        for (int i = 0; i < 12; i++)
            book.Apply(new OrderBookDelta(SampleData.Btc, BookAction.Add, new BookOrder(OrderSide.Buy, Price.Parse($"{41_999 - i}.0"), Quantity.Parse("1.00000"), 0), RecordFlags.Snapshot, 2, ts, ts));
        book.Apply(new OrderBookDelta(SampleData.Btc, BookAction.Add, new BookOrder(OrderSide.Sell, Price.Parse("42001.0"), Quantity.Parse("0.50000"), 0), RecordFlags.Snapshot | RecordFlags.Last, 3, ts + 5, ts + 9));

        OrderBookDepth10 depth = OrderBookDepth10.From(book, ts + 20);

        depth.Bids.Select(b => b.Price.ToDecimal()).ShouldBe(Enumerable.Range(0, 10).Select(i => 41_999m - i));
        depth.BidCounts.ShouldAllBe(c => c == 1);
        depth.Asks[0].ShouldBe(new BookOrder(OrderSide.Sell, Price.Parse("42001.0"), Quantity.Parse("0.50000"), 0));
        depth.Asks.Skip(1).ShouldAllBe(a => a.Price.Raw == 0 && a.Size.Raw == 0 && a.Side == OrderSide.Sell);
        depth.AskCounts.ShouldBe([1u, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        (depth.Sequence, depth.TsEvent, depth.TsInit, depth.Flags).ShouldBe((3ul, ts + 5, ts + 20, RecordFlags.Last));
        using var temp = new TempCatalog();
        temp.Catalog.Write([depth]);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.OrderBookDepth10)).ShouldBe([depth]);
    }

    [Fact]
    public void Files_follow_the_nautilus_layout_and_name_their_first_and_last_ts_init()
    {
        using var temp = new TempCatalog();
        long start = SampleData.Start; // 2024-01-01T00:00:00Z
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 36_000, start, stepNs: 100_000_000); // exactly one hour
        quotes[^1] = quotes[^1] with { TsInit = start + 3_599_999_999_999L };
        temp.Catalog.Write(quotes);
        string expected = Path.Combine(temp.Root, "data", "quote_tick", "BTC-USD-PERP.HYPERLIQUID",
            "2024-01-01T00-00-00-000000000Z_2024-01-01T00-59-59-999999999Z.parquet");
        temp.ParquetFiles().ShouldBe([expected]);
    }

    [Fact]
    public void Rows_are_split_into_one_file_per_rotation_interval()
    {
        using var temp = new TempCatalog(new CatalogOptions { RotationInterval = TimeSpan.FromMinutes(10), SyncOnWrite = false });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 35 * 60, stepNs: 1_000_000_000); // 35 minutes, one a second
        IReadOnlyList<CatalogFile> files = temp.Catalog.Write(quotes);
        files.Count.ShouldBe(4);
        files.Select(f => Path.GetFileName(f.Path)).ShouldBe([
            "2024-01-01T00-00-00-000000000Z_2024-01-01T00-09-59-000000000Z.parquet",
            "2024-01-01T00-10-00-000000000Z_2024-01-01T00-19-59-000000000Z.parquet",
            "2024-01-01T00-20-00-000000000Z_2024-01-01T00-29-59-000000000Z.parquet",
            "2024-01-01T00-30-00-000000000Z_2024-01-01T00-34-59-000000000Z.parquet",
        ]);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick)).ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public void Bars_and_funding_rates_rotate_on_the_sparse_interval()
    {
        using var temp = new TempCatalog();
        temp.Catalog.Write(SampleData.Bars(SampleData.Btc, 3 * 1_440 - 1)).Count.ShouldBe(3); // three days of minute bars
        temp.Catalog.Write(SampleData.FundingRates(SampleData.Btc, 30)).Count.ShouldBe(2); // 30 hours
        temp.Catalog.Write(SampleData.MarkPrices(SampleData.Btc, 2_400)).Count.ShouldBe(2); // 2 hours
    }

    [Fact]
    public void Row_groups_hold_five_thousand_rows()
    {
        using var temp = new TempCatalog();
        temp.Catalog.Write(SampleData.Quotes(SampleData.Btc, 12_001));
        using var reader = new ParquetSharp.ParquetFileReader(temp.ParquetFiles().Single());
        ParquetSharp.FileMetaData metadata = reader.FileMetaData;
        metadata.NumRowGroups.ShouldBe(3);
        Enumerable.Range(0, 3).Select(i => { using var rg = reader.RowGroup(i); return rg.MetaData.NumRows; }).ShouldBe([5_000L, 5_000L, 2_001L]);
    }

    [Fact]
    public void A_time_range_query_returns_exactly_the_rows_inside_it_inclusive()
    {
        using var temp = new TempCatalog(new CatalogOptions { RotationInterval = TimeSpan.FromMinutes(1), SyncOnWrite = false });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 10_000, stepNs: 30_000_000); // 5 minutes
        temp.Catalog.Write(quotes);
        long from = quotes[1_234].TsInit, to = quotes[8_765].TsInit;
        List<object> read = ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick, SampleData.Btc, from, to));
        read.ShouldBe(quotes[1_234..8_766].Cast<object>().ToList());
    }

    [Fact]
    public void Instruments_and_kinds_are_merged_in_ts_init_order_across_files()
    {
        using var temp = new TempCatalog(new CatalogOptions { RotationInterval = TimeSpan.FromMinutes(1), SyncOnWrite = false });
        QuoteTick[] btc = SampleData.Quotes(SampleData.Btc, 3_000, stepNs: 70_000_000, seed: 5);
        QuoteTick[] eth = SampleData.Quotes(SampleData.Eth, 3_000, SampleData.Start + 13, stepNs: 110_000_000, seed: 6);
        TradeTick[] trades = SampleData.Trades(SampleData.Btc, 900);
        temp.Catalog.Write(btc.Concat(eth).ToArray()); // one call, two instruments
        temp.Catalog.Write(trades);
        var query = new MarketDataQuery([MarketDataKind.QuoteTick, MarketDataKind.TradeTick]);
        using CatalogReader reader = temp.Catalog.Open(query);
        var seen = new List<(long Ts, object Item)>();
        while (reader.MoveNext()) seen.Add((reader.TsInit, reader.CurrentObject()));
        seen.Count.ShouldBe(6_900);
        seen.Select(s => s.Ts).ShouldBeInOrder(SortDirection.Ascending);
        seen.Select(s => s.Item).OfType<QuoteTick>().Where(q => q.InstrumentId == SampleData.Eth).ShouldBe(eth);
        seen.Select(s => s.Item).OfType<TradeTick>().ShouldBe(trades);
        temp.ParquetFiles().Length.ShouldBeGreaterThan(3);
    }

    [Fact]
    public void Unsorted_input_is_written_in_ts_init_order()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 1_000);
        temp.Catalog.Write(quotes.Reverse().ToArray());
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick)).ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public void A_write_that_overlaps_an_existing_file_is_refused_and_writes_nothing()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 1_000);
        temp.Catalog.Write(quotes[..600]);
        var refused = Should.Throw<CatalogOverlapException>(() => temp.Catalog.Write(quotes[500..]));
        refused.ExistingPath.ShouldBe(temp.ParquetFiles().Single());
        temp.ParquetFiles().Length.ShouldBe(1);
        temp.Catalog.Write(quotes[600..]);
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick)).ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public void Overlap_is_also_detected_by_a_new_catalog_instance_over_the_same_folder()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 100);
        temp.Catalog.Write(quotes);
        var again = new ParquetDataCatalog(temp.Root, new CatalogOptions { SyncOnWrite = false });
        Should.Throw<CatalogOverlapException>(() => again.Write(quotes[50..]));
    }

    [Fact]
    public void Mixed_precisions_in_one_file_are_refused_naming_the_field()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 2);
        quotes[1] = quotes[1] with { BidPrice = Price.FromRaw(quotes[1].BidPrice.Raw, 2) };
        Should.Throw<ArgumentException>(() => temp.Catalog.Write(quotes)).Message.ShouldContain("quote prices");
        temp.ParquetFiles().ShouldBeEmpty();
    }

    [Fact]
    public void Listing_reports_kinds_instruments_ranges_rows_and_bytes()
    {
        using var temp = new TempCatalog(new CatalogOptions { RotationInterval = TimeSpan.FromMinutes(1), SyncOnWrite = false });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 2_000, stepNs: 60_000_000);
        temp.Catalog.Write(quotes);
        temp.Catalog.Write(SampleData.Trades(SampleData.Eth, 10));
        IReadOnlyList<CatalogEntry> entries = temp.Catalog.List();
        entries.Count.ShouldBe(2);
        CatalogEntry quoteEntry = entries.Single(e => e.Kind == MarketDataKind.QuoteTick);
        quoteEntry.Key.ShouldBe("BTC-USD-PERP.HYPERLIQUID");
        quoteEntry.Rows.ShouldBe(2_000);
        quoteEntry.Files.ShouldBe(2);
        quoteEntry.StartNs.ShouldBe(quotes[0].TsInit);
        quoteEntry.EndNs.ShouldBe(quotes[^1].TsInit);
        quoteEntry.Bytes.ShouldBe(temp.ParquetFiles().Where(p => p.Contains("quote_tick")).Sum(p => new FileInfo(p).Length));
        entries.Single(e => e.Kind == MarketDataKind.TradeTick).Rows.ShouldBe(10);
    }

    [Fact]
    public void Alternative_folder_spellings_are_read()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 100);
        temp.Catalog.Write(quotes);
        string written = Path.Combine(temp.Root, "data", "quote_tick");
        Directory.Move(written, Path.Combine(temp.Root, "data", "quotes"));
        ReadAll(temp.Catalog, MarketDataQuery.For(MarketDataKind.QuoteTick)).ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public void Reading_the_wrong_kind_of_item_fails_clearly()
    {
        using var temp = new TempCatalog();
        temp.Catalog.Write(SampleData.Trades(SampleData.Btc, 1));
        using CatalogReader reader = temp.Catalog.Open(MarketDataQuery.For(MarketDataKind.TradeTick));
        Should.Throw<InvalidOperationException>(() => reader.Trade).Message.ShouldContain("MoveNext");
        reader.MoveNext().ShouldBeTrue();
        reader.Kind.ShouldBe(MarketDataKind.TradeTick);
        Should.Throw<InvalidOperationException>(() => reader.Quote).Message.ShouldContain("not a QuoteTick");
        reader.MoveNext().ShouldBeFalse();
    }

    [Fact]
    public void The_catalog_is_a_market_data_source_for_the_backtest()
    {
        using var temp = new TempCatalog();
        MarkPriceUpdate[] marks = SampleData.MarkPrices(SampleData.Btc, 10);
        temp.Catalog.Write(marks);
        IMarketDataSource source = temp.Catalog;
        using IMarketDataReader reader = source.Open(MarketDataQuery.For(MarketDataKind.MarkPriceUpdate, SampleData.Btc, marks[2].TsInit, marks[4].TsInit));
        reader.ReadAllObjects().ShouldBe(marks[2..5].Cast<object>().ToList());
    }
}
