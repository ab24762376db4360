using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Halyard.Cli.Commands;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.IntegrationTests.Support;
using Halyard.Persistence.Catalog;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Cli;

/// <summary>`halyard backfill` against the simulator's generated history over real sockets, into a real Parquet catalog.</summary>
public sealed class BackfillCommandTests : IAsyncLifetime
{
    private static readonly InstrumentId Btc = InstrumentId.Parse("BTC-USD-PERP"), Eth = InstrumentId.Parse("ETH-USD-PERP");
    private static readonly BarSpecification OneMinute = new(1, BarAggregation.Minute, PriceType.Last);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"halyard-backfill-{Guid.NewGuid():N}");
    private SimulatorHost _sim = null!;
    private readonly HttpClient _http = new();
    private long _nowMs;

    public async ValueTask InitializeAsync()
    {
        // Paused: no live trades, so the history is all the venue has and the expectations below are exact.
        _sim = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, History = TimeSpan.FromHours(30), StartPaused = true },
            TestContext.Current.CancellationToken);
        _nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public async ValueTask DisposeAsync()
    {
        await _sim.DisposeAsync();
        _http.Dispose();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Catalog => Path.Combine(_root, "catalog");

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(BackfillCommand.Create(), args);

    private Task<(int Code, string Output, string Error)> BackfillAsync(long fromMs, long? toMs, string instruments = "BTC-USD-PERP,ETH-USD-PERP") =>
        toMs is { } to
            ? RunAsync("backfill", "--url", _sim.Url, "-c", Catalog, "-i", instruments, "--bars", "1m", "--from", Iso(fromMs), "--to", Iso(to))
            : RunAsync("backfill", "--url", _sim.Url, "-c", Catalog, "-i", instruments, "--bars", "1m", "--from", Iso(fromMs));

    private List<Bar> Bars(InstrumentId id)
    {
        using CatalogReader reader = new ParquetDataCatalog(Catalog).Open(new MarketDataQuery([MarketDataKind.Bar], BarTypes: [new BarType(id, OneMinute)]));
        var bars = new List<Bar>();
        while (reader.MoveNext()) bars.Add(reader.Bar);
        reader.Problems.ShouldBeEmpty();
        return bars;
    }

    private List<FundingRateUpdate> Funding(InstrumentId id)
    {
        using CatalogReader reader = new ParquetDataCatalog(Catalog).Open(MarketDataQuery.For(MarketDataKind.FundingRateUpdate, id));
        var rates = new List<FundingRateUpdate>();
        while (reader.MoveNext()) rates.Add(reader.FundingRate);
        return rates;
    }

    /// <summary>What the venue serves, asked directly: the candles closing in [from, to] (ms) and the funding rates at times in it.</summary>
    private async Task<(List<Candle> Candles, List<FundingRateEntry> Funding)> VenueAsync(string coin, long fromMs, long toMs)
    {
        var info = new HyperliquidInfoClient(_http, new HyperliquidRestOptions { BaseUrl = new Uri(_sim.Url) });
        var candles = (await info.GetCandlesAsync(coin, "1m", fromMs - 60_000, toMs, TestContext.Current.CancellationToken)).Value
            .Where(c => c.CloseTime + 1 >= fromMs && c.CloseTime + 1 <= toMs).ToList();
        var funding = (await info.GetFundingHistoryAsync(coin, fromMs, toMs, TestContext.Current.CancellationToken)).Value.ToList();
        return (candles, funding);
    }

    private static void ShouldEqualVenue(List<Bar> bars, List<Candle> candles)
    {
        bars.Count.ShouldBe(candles.Count);
        for (int i = 0; i < bars.Count; i++)
        {
            Candle c = candles[i];
            Bar b = bars[i];
            b.TsEvent.ShouldBe((c.CloseTime + 1) * 1_000_000, $"bar {i}");
            b.TsInit.ShouldBe(b.TsEvent);
            (b.Open.ToDecimal(), b.High.ToDecimal(), b.Low.ToDecimal(), b.Close.ToDecimal(), b.Volume.ToDecimal())
                .ShouldBe((c.Open, c.High, c.Low, c.Close, c.Volume), $"bar {i}");
        }
    }

    private static void FilesShouldNotOverlap(string catalog)
    {
        var cat = new ParquetDataCatalog(catalog);
        foreach (MarketDataKind kind in new[] { MarketDataKind.Bar, MarketDataKind.FundingRateUpdate })
        {
            foreach (IGrouping<string, CatalogFile> stream in cat.Files(kind).GroupBy(f => f.Key))
            {
                CatalogFile[] files = [.. stream.OrderBy(f => f.StartNs)];
                for (int i = 1; i < files.Length; i++) files[i].StartNs.ShouldBeGreaterThan(files[i - 1].EndNs, files[i].Path);
            }
        }
    }

    [Fact]
    public async Task Backfill_writes_what_the_venue_serves_a_rerun_adds_nothing_and_a_longer_range_adds_only_the_rest()
    {
        long from = _nowMs - 20 * 3_600_000L, to = _nowMs - 10 * 3_600_000L;

        var (code, output, error) = await BackfillAsync(from, to);
        code.ShouldBe(0, error);
        output.ShouldContain("backfill done");
        foreach ((InstrumentId id, string coin) in new[] { (Btc, "BTC"), (Eth, "ETH") })
        {
            var (candles, funding) = await VenueAsync(coin, from, to);
            candles.Count.ShouldBeInRange(599, 601);
            ShouldEqualVenue(Bars(id), candles);
            Funding(id).Select(f => (f.Rate, f.TsEvent, f.TsInit)).ShouldBe(funding.Select(f => (f.FundingRate, f.Time * 1_000_000, f.Time * 1_000_000)));
            funding.Count.ShouldBeInRange(9, 11);
        }
        var files = new ParquetDataCatalog(Catalog).List().Select(e => (e.Kind, e.Key, e.Files, e.Rows, e.Bytes)).ToList();

        (code, output, error) = await BackfillAsync(from, to);
        code.ShouldBe(0, error);
        output.ShouldContain("backfill done: 0 rows in 0 files");
        new ParquetDataCatalog(Catalog).List().Select(e => (e.Kind, e.Key, e.Files, e.Rows, e.Bytes)).ShouldBe(files);

        long earlier = _nowMs - 25 * 3_600_000L;
        (code, _, error) = await BackfillAsync(earlier, null, "BTC-USD-PERP");
        code.ShouldBe(0, error);
        var (allCandles, allFunding) = await VenueAsync("BTC", earlier, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        ShouldEqualVenue(Bars(Btc), allCandles); // before, between and after: every bar once, in order
        Funding(Btc).Select(f => f.TsEvent).ShouldBe(allFunding.Select(f => f.Time * 1_000_000));
        ((long)Bars(Eth).Count).ShouldBe(files.Single(f => f.Kind == MarketDataKind.Bar && f.Key.StartsWith("ETH", StringComparison.Ordinal)).Rows);
        FilesShouldNotOverlap(Catalog);
    }

    [Fact]
    public async Task A_bar_the_recorder_already_holds_is_not_written_again()
    {
        long from = _nowMs - 5 * 3_600_000L, to = _nowMs - 3 * 3_600_000L;
        var (candles, _) = await VenueAsync("BTC", from, to);
        Candle recorded = candles[60];
        long close = (recorded.CloseTime + 1) * 1_000_000;
        // As the live recorder stores it: ts_event at the close, ts_init when it arrived (a little later).
        var bar = new Bar(new BarType(Btc, OneMinute), Price.FromDecimal(recorded.Open, 1), Price.FromDecimal(recorded.High, 1),
            Price.FromDecimal(recorded.Low, 1), Price.FromDecimal(recorded.Close, 1), Quantity.FromDecimal(recorded.Volume, 5), close, close + 250_000_000);
        new ParquetDataCatalog(Catalog).Write([bar]);

        var (code, _, error) = await BackfillAsync(from, to, "BTC-USD-PERP");

        code.ShouldBe(0, error);
        List<Bar> bars = Bars(Btc);
        bars.Count.ShouldBe(candles.Count);
        bars.Select(b => b.TsEvent).Distinct().Count().ShouldBe(bars.Count);
        bars.Single(b => b.TsEvent == close).TsInit.ShouldBe(close + 250_000_000);
        FilesShouldNotOverlap(Catalog);
    }

    [Fact]
    public async Task An_unknown_coin_a_bad_range_and_an_unreachable_venue_end_with_clear_messages_and_write_nothing()
    {
        var (code, _, error) = await BackfillAsync(_nowMs - 3_600_000, null, "DOGE-USD-PERP");
        code.ShouldBe(2);
        error.ShouldContain("the venue lists no perpetual DOGE-USD-PERP.HYPERLIQUID");
        error.ShouldContain("BTC-USD-PERP");

        (code, _, error) = await BackfillAsync(_nowMs - 3_600_000, _nowMs - 7_200_000);
        code.ShouldBe(2);
        error.ShouldContain("--to");
        error.ShouldContain("must be after --from");

        (code, _, error) = await BackfillAsync(_nowMs + 3_600_000, null);
        code.ShouldBe(2);
        error.ShouldContain("is in the future");

        (code, _, error) = await RunAsync("backfill", "--url", _sim.Url, "-c", Catalog, "-i", "BTC-USD-PERP", "--bars", "2m", "--from", Iso(_nowMs - 60_000));
        code.ShouldBe(2);
        error.ShouldContain("'2m' is not a Hyperliquid candle interval");

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        (code, _, error) = await RunAsync("backfill", "--url", $"http://127.0.0.1:{closedPort}", "-c", Catalog, "-i", "BTC-USD-PERP", "--from", Iso(_nowMs - 60_000));
        code.ShouldBe(3);
        error.ShouldContain($"cannot read the instruments from http://127.0.0.1:{closedPort}/");

        Directory.Exists(Catalog).ShouldBeFalse();
    }
}
