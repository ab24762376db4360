using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Persistence.Tests.Catalog;

public sealed class DataRecorderTests
{
    private static List<object> ReadAll(ParquetDataCatalog catalog, params MarketDataKind[] kinds)
    {
        using CatalogReader reader = catalog.Open(new MarketDataQuery(kinds));
        List<object> all = reader.ReadAllObjects();
        reader.Problems.ShouldBeEmpty();
        return all;
    }

    private static OrderBookDeltas[] Updates(OrderBookDelta[] deltas) =>
        deltas.GroupBy(d => d.Sequence).Select(g => new OrderBookDeltas(g.First().InstrumentId, g.ToList())).ToArray();

    [Fact]
    public async Task Recorded_data_is_written_on_stop_and_reads_back_equal()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 20_000);
        TradeTick[] trades = SampleData.Trades(SampleData.Eth, 3_000);
        OrderBookDelta[] deltas = SampleData.Deltas(SampleData.Btc, 2_000);
        await using (var recorder = new DataRecorder(temp.Catalog))
        {
            foreach (QuoteTick quote in quotes) recorder.Record(quote).ShouldBeTrue();
            foreach (TradeTick trade in trades) recorder.Record(trade).ShouldBeTrue();
            foreach (OrderBookDeltas update in Updates(deltas)) recorder.Record(update).ShouldBeTrue();
            await recorder.StopAsync();
            RecorderStats stats = recorder.Stats;
            stats.Received.ShouldBe(quotes.Length + trades.Length + deltas.Length);
            stats.Dropped.ShouldBe(0);
            stats.RowsWritten.ShouldBe(stats.Received);
            stats.BytesWritten.ShouldBe(temp.ParquetFiles().Sum(p => new FileInfo(p).Length));
            RecorderStats quoteStats = recorder.StatsOf(MarketDataKind.QuoteTick), bookStats = recorder.StatsOf(MarketDataKind.OrderBookDelta);
            (quoteStats.Received, quoteStats.RowsWritten).ShouldBe((quotes.Length, quotes.Length));
            (bookStats.Received, bookStats.RowsWritten).ShouldBe((deltas.Length, deltas.Length));
            recorder.StatsOf(MarketDataKind.TradeTick).RowsWritten.ShouldBe(trades.Length);
            recorder.StatsOf(MarketDataKind.Bar).ShouldBe(new RecorderStats(0, 0, 0, 0, 0, 0));
            Enum.GetValues<MarketDataKind>().Sum(k => recorder.StatsOf(k).BytesWritten).ShouldBe(stats.BytesWritten);
        }
        ReadAll(temp.Catalog, MarketDataKind.QuoteTick).ShouldBe(quotes.Cast<object>().ToList());
        ReadAll(temp.Catalog, MarketDataKind.TradeTick).ShouldBe(trades.Cast<object>().ToList());
        ReadAll(temp.Catalog, MarketDataKind.OrderBookDelta).ShouldBe(deltas.Cast<object>().ToList());
    }

    [Fact]
    public async Task Buffers_are_flushed_by_size_while_recording_into_readable_files()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 5_000);
        await using var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { FlushRows = 1_000, PollInterval = TimeSpan.FromMilliseconds(5) });
        for (int i = 0; i < quotes.Length; i++)
        {
            recorder.Record(quotes[i]);
            if (i % 500 == 499) await Task.Delay(30, TestContext.Current.CancellationToken);
        }
        await WaitUntil(() => recorder.Stats.RowsWritten >= 4_000);
        recorder.Stats.FilesWritten.ShouldBeGreaterThanOrEqualTo(4);
        ReadAll(temp.Catalog, MarketDataKind.QuoteTick).ShouldBe(quotes[..(int)recorder.Stats.RowsWritten].Cast<object>().ToList());
        await recorder.StopAsync();
        ReadAll(temp.Catalog, MarketDataKind.QuoteTick).ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public async Task Buffers_are_flushed_by_age()
    {
        using var temp = new TempCatalog();
        await using var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { FlushInterval = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(10) });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 10);
        foreach (QuoteTick quote in quotes) recorder.Record(quote);
        await WaitUntil(() => recorder.Stats.RowsWritten == 9); // the newest ts_init waits for its peers
        temp.ParquetFiles().Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_book_update_is_never_split_across_files_when_flushes_fall_inside_it()
    {
        using var temp = new TempCatalog();
        OrderBookDelta[] deltas = SampleData.Deltas(SampleData.Btc, 1_500, seed: 9);
        await using (var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { FlushRows = 7, PollInterval = TimeSpan.FromMilliseconds(2) }))
        {
            OrderBookDeltas[] updates = Updates(deltas);
            for (int i = 0; i < updates.Length; i++)
            {
                recorder.Record(updates[i]);
                if (i % 40 == 0) await Task.Delay(5, TestContext.Current.CancellationToken);
            }
            await recorder.StopAsync();
            recorder.Stats.WriteErrors.ShouldBe(0);
            recorder.Stats.FilesWritten.ShouldBeGreaterThan(5);
        }
        ReadAll(temp.Catalog, MarketDataKind.OrderBookDelta).ShouldBe(deltas.Cast<object>().ToList());
    }

    [Fact]
    public async Task A_new_rotation_interval_closes_the_previous_file()
    {
        using var temp = new TempCatalog(new CatalogOptions { RotationInterval = TimeSpan.FromMinutes(1), SyncOnWrite = false });
        await using var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { PollInterval = TimeSpan.FromMilliseconds(5) });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 150, stepNs: 1_000_000_000); // 2.5 minutes
        foreach (QuoteTick quote in quotes) recorder.Record(quote);
        await WaitUntil(() => recorder.Stats.FilesWritten >= 2);
        temp.ParquetFiles().Select(Path.GetFileName).ShouldBe([
            "2024-01-01T00-00-00-000000000Z_2024-01-01T00-00-59-000000000Z.parquet",
            "2024-01-01T00-01-00-000000000Z_2024-01-01T00-01-59-000000000Z.parquet",
        ]);
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        using var temp = new TempCatalog();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { QueueCapacity = 10 }, time: time);
        await Task.Delay(200, TestContext.Current.CancellationToken); // the writer is now asleep on the fake clock
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 15);
        quotes.Select(q => recorder.Record(q)).Count(accepted => !accepted).ShouldBe(5);
        recorder.Dropped.ShouldBe(5);
        await recorder.StopAsync();
        recorder.Stats.ShouldBe(recorder.Stats with { Received = 15, Dropped = 5, RowsWritten = 10 });
        ReadAll(temp.Catalog, MarketDataKind.QuoteTick).ShouldBe(quotes[..10].Cast<object>().ToList());
    }

    [Fact]
    public async Task After_a_dropped_book_update_deltas_are_dropped_until_the_next_snapshot()
    {
        using var temp = new TempCatalog();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var recorder = new DataRecorder(temp.Catalog, new RecorderOptions { QueueCapacity = 10 }, time: time);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        OrderBookDeltas[] updates = Updates(SampleData.Deltas(SampleData.Btc, 3));
        OrderBookDeltas snapshot = updates[0]; // clear + 10 levels: more than the queue holds
        recorder.Record(snapshot).ShouldBeFalse();
        recorder.Record(updates[1]).ShouldBeFalse(); // a diff against a book the catalog never got
        var smallSnapshot = new OrderBookDeltas(SampleData.Btc, snapshot.Deltas.Take(4).Select(d => d with { Sequence = 99, TsInit = d.TsInit + 1_000_000_000 }).ToList());
        recorder.Record(smallSnapshot).ShouldBeTrue();
        await recorder.StopAsync();
        recorder.Stats.Dropped.ShouldBe(snapshot.Deltas.Count + updates[1].Deltas.Count);
        ReadAll(temp.Catalog, MarketDataKind.OrderBookDelta).ShouldBe(smallSnapshot.Deltas.Cast<object>().ToList());
    }

    [Fact]
    public async Task Data_recorded_after_stop_is_counted_as_dropped()
    {
        using var temp = new TempCatalog();
        var recorder = new DataRecorder(temp.Catalog);
        await recorder.DisposeAsync();
        recorder.Record(SampleData.Quotes(SampleData.Btc, 1)[0]).ShouldBeFalse();
        recorder.Dropped.ShouldBe(1);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
