using Halyard.Cli.Commands;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.IntegrationTests.Support;
using Halyard.Persistence.Catalog;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Cli;

/// <summary>
/// `halyard record --url` against an in-process simulator over real sockets: the files hold exactly what the simulator
/// published (seen by an independent raw WebSocket client), with NautilusTrader's book flags.
/// </summary>
public sealed class RecordCommandTests : IAsyncLifetime
{
    private static readonly string[] Coins = ["BTC", "ETH"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"halyard-record-{Guid.NewGuid():N}");
    private SimulatorHost _sim = null!;

    public async ValueTask InitializeAsync() =>
        _sim = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Seed = 11, TickInterval = TimeSpan.FromMilliseconds(100), TakerProbability = 0.5 },
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _sim.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Catalog => Path.Combine(_root, "catalog");

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(RecordCommand.Create(), args);

    private List<T> Read<T>(MarketDataKind kind, InstrumentId id, Func<CatalogReader, T> row)
    {
        using CatalogReader reader = new ParquetDataCatalog(Catalog).Open(MarketDataQuery.For(kind, id));
        var rows = new List<T>();
        while (reader.MoveNext()) rows.Add(row(reader));
        reader.Problems.ShouldBeEmpty();
        return rows;
    }

    [Fact]
    public async Task Recording_btc_and_eth_from_the_simulator_writes_what_it_published()
    {
        var ct = TestContext.Current.CancellationToken;
        await using RawFeedObserver observer = await RawFeedObserver.StartAsync(_sim.WebSocketUrl, Coins, ct);
        Task<(int, string, string)> recording = RunAsync("record", "--url", _sim.Url, "-c", Catalog, "-i", "BTC-USD-PERP,ETH-USD-PERP",
            "--types", "quotes,trades,book,mark,funding,depth", "--duration", "14s");
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        _sim.Pause(); // the last seconds publish nothing: the final book is the simulator's book now
        var (code, output, error) = await recording;
        code.ShouldBe(0, error);
        output.ShouldContain("recorded ");
        output.ShouldContain("quote_tick");

        using var http = new HttpClient();
        var info = new HyperliquidInfoClient(http, new HyperliquidRestOptions { BaseUrl = new Uri(_sim.Url) });
        foreach (string coin in Coins)
        {
            InstrumentId id = InstrumentId.Perpetual(coin);
            TradesShouldMatch(coin, Read(MarketDataKind.TradeTick, id, r => r.Trade), observer);
            QuotesShouldMatch(coin, Read(MarketDataKind.QuoteTick, id, r => r.Quote), observer);
            List<OrderBookDelta> deltas = Read(MarketDataKind.OrderBookDelta, id, r => r.Delta);
            FlagsShouldFollowTheRules(deltas);
            OrderBook final = BooksShouldMatch(coin, id, deltas, observer);
            DepthsShouldBeTheTopOfTheRecordedBook(id, deltas, Read(MarketDataKind.OrderBookDepth10, id, r => r.Depth10));
            L2BookSnapshot venueBook = (await info.GetL2BookAsync(coin, ct: ct)).Value;
            Levels(final, OrderSide.Buy).ShouldBe(venueBook.Bids.Select(l => (l.Px, l.Sz)).ToArray(), $"{coin} final bids");
            Levels(final, OrderSide.Sell).ShouldBe(venueBook.Asks.Select(l => (l.Px, l.Sz)).ToArray(), $"{coin} final asks");
            Read(MarketDataKind.MarkPriceUpdate, id, r => r.MarkPrice).Count.ShouldBeGreaterThan(10);
            Read(MarketDataKind.FundingRateUpdate, id, r => r.FundingRate).Count.ShouldBeGreaterThan(10);
        }
    }

    private static void TradesShouldMatch(string coin, List<TradeTick> recorded, RawFeedObserver observer)
    {
        recorded.Count.ShouldBeGreaterThan(5, $"{coin}: too few trades recorded to compare");
        long first = recorded.Min(t => t.TsEvent) / 1_000_000, last = recorded.Max(t => t.TsEvent) / 1_000_000;
        var published = observer.Trades.Where(t => t.Coin == coin && t.TimeMs >= first && t.TimeMs <= last)
            .Select(t => (t.Tid.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Px, t.Sz, t.BuyerAggressor, t.TimeMs)).ToList();
        recorded.Select(t => (t.TradeId, t.Price.ToDecimal(), t.Size.ToDecimal(), t.AggressorSide == AggressorSide.Buyer, t.TsEvent / 1_000_000))
            .ShouldBe(published, $"{coin} trades");
    }

    private static void QuotesShouldMatch(string coin, List<QuoteTick> recorded, RawFeedObserver observer)
    {
        recorded.Count.ShouldBeGreaterThan(20, $"{coin}: too few quotes recorded to compare");
        // The first quote answers the recorder's own subscription (the observer never sees that frame).
        List<QuoteTick> live = recorded.Skip(1).ToList();
        long first = live[0].TsEvent / 1_000_000, last = live[^1].TsEvent / 1_000_000;
        var published = observer.Quotes.Where(q => q.Coin == coin && q.TimeMs >= first && q.TimeMs <= last)
            .Select(q => (q.TimeMs, q.BidPx, q.BidSz, q.AskPx, q.AskSz)).ToList();
        live.Select(q => (q.TsEvent / 1_000_000, q.BidPrice.ToDecimal(), q.BidSize.ToDecimal(), q.AskPrice.ToDecimal(), q.AskSize.ToDecimal()))
            .ShouldBe(published, $"{coin} quotes");
    }

    /// <summary>A snapshot (Clear then adds, all flagged 32) first; F_LAST (128) exactly on the last delta of each update, whose deltas share ts_init.</summary>
    private static void FlagsShouldFollowTheRules(List<OrderBookDelta> deltas)
    {
        deltas.Count.ShouldBeGreaterThan(100);
        deltas[0].Action.ShouldBe(BookAction.Clear);
        int i = 0;
        for (; i < deltas.Count && !deltas[i].IsLast; i++)
        {
            deltas[i].IsSnapshot.ShouldBeTrue($"delta {i} of the first update");
            if (i > 0) deltas[i].Action.ShouldBe(BookAction.Add);
        }
        deltas[i].IsSnapshot.ShouldBeTrue();
        for (int j = 0; j + 1 < deltas.Count; j++)
        {
            if (deltas[j].IsLast) deltas[j + 1].TsInit.ShouldBeGreaterThanOrEqualTo(deltas[j].TsInit, $"delta {j}");
            else deltas[j + 1].TsInit.ShouldBe(deltas[j].TsInit, $"delta {j} is not the last of its update, so the next shares its ts_init");
        }
        deltas[^1].IsLast.ShouldBeTrue();
        deltas.Skip(i + 1).ShouldAllBe(d => !d.IsSnapshot); // no resync in a clean run
    }

    /// <summary>The book rebuilt after each recorded update equals the l2Book the simulator published at that time; returns the final book.</summary>
    private static OrderBook BooksShouldMatch(string coin, InstrumentId id, List<OrderBookDelta> deltas, RawFeedObserver observer)
    {
        var book = new OrderBook(id);
        var rebuilt = new List<(long TimeMs, (decimal, decimal)[] Bids, (decimal, decimal)[] Asks)>();
        foreach (OrderBookDelta delta in deltas)
        {
            book.Apply(delta);
            if (delta.IsLast) rebuilt.Add((delta.TsEvent / 1_000_000, Levels(book, OrderSide.Buy), Levels(book, OrderSide.Sell)));
        }
        // The first update answers the recorder's own subscription; from the second on, every published book that
        // differs from the one before it is a recorded update (an unchanged book gives no deltas).
        long first = rebuilt[1].TimeMs, last = rebuilt[^1].TimeMs;
        var published = observer.Books.Where(b => b.Coin == coin).ToList();
        int compared = 0;
        for (int k = 1; k < published.Count; k++)
        {
            RawFeedObserver.Book b = published[k];
            if (b.TimeMs < first || b.TimeMs > last) continue;
            bool changed = !b.Bids.SequenceEqual(published[k - 1].Bids) || !b.Asks.SequenceEqual(published[k - 1].Asks);
            var match = rebuilt.FindLast(r => r.TimeMs == b.TimeMs);
            if (!changed && match.Bids is null) continue;
            match.Bids.ShouldNotBeNull($"{coin}: the book published at {b.TimeMs} was not recorded");
            match.Bids.ShouldBe(b.Bids, $"{coin} bids at {b.TimeMs}");
            match.Asks.ShouldBe(b.Asks, $"{coin} asks at {b.TimeMs}");
            compared++;
        }
        compared.ShouldBeGreaterThan(30, $"{coin}: too few books compared");
        return book;
    }

    /// <summary>One depth row per recorded book update: the top ten levels of the book the deltas rebuild, at the same sequence.</summary>
    private static void DepthsShouldBeTheTopOfTheRecordedBook(InstrumentId id, List<OrderBookDelta> deltas, List<OrderBookDepth10> depths)
    {
        var book = new OrderBook(id);
        var expected = new List<(ulong, long, string, string)>();
        foreach (OrderBookDelta delta in deltas)
        {
            book.Apply(delta);
            if (delta.IsLast) expected.Add((delta.Sequence, delta.TsEvent, string.Join(' ', Levels(book, OrderSide.Buy).Take(10)), string.Join(' ', Levels(book, OrderSide.Sell).Take(10))));
        }
        static string Present(IReadOnlyList<BookOrder> side) => string.Join(' ', side.Where(o => o.Size.Raw != 0).Select(o => (o.Price.ToDecimal(), o.Size.ToDecimal())));
        depths.Select(d => (d.Sequence, d.TsEvent, Present(d.Bids), Present(d.Asks))).ToList().ShouldBe(expected, $"{id} depths");
        depths.ShouldAllBe(d => d.Flags == RecordFlags.Last && d.BidCounts.All(c => c <= 1));
    }

    private static (decimal, decimal)[] Levels(OrderBook book, OrderSide side)
    {
        var levels = new BookLevel[side == OrderSide.Buy ? book.BidLevelCount : book.AskLevelCount];
        int n = side == OrderSide.Buy ? book.CopyBids(levels) : book.CopyAsks(levels);
        return [.. levels.Take(n).Select(l => (l.Price.ToDecimal(), l.Size.ToDecimal()))];
    }

    [Fact]
    public async Task Ctrl_c_stops_the_recording_and_writes_everything_received()
    {
        var root = new System.CommandLine.RootCommand();
        root.Subcommands.Add(RecordCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task<int> recording = root.Parse(["record", "--url", _sim.Url, "-c", Catalog, "-i", "BTC-USD-PERP", "--types", "quotes,book", "--flush-interval", "1h"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, ctrlC.Token);
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        ctrlC.Cancel(); // what System.CommandLine does on SIGINT

        int code = await recording.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        code.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("stopping (Ctrl+C): writing what is buffered");
        // Nothing was due by the flush interval: every row was written by the stop.
        InstrumentId btc = InstrumentId.Perpetual("BTC");
        int quotes = Read(MarketDataKind.QuoteTick, btc, r => r.Quote).Count;
        int deltas = Read(MarketDataKind.OrderBookDelta, btc, r => r.Delta).Count;
        quotes.ShouldBeGreaterThan(5);
        output.ToString().ShouldContain($"recorded {quotes + deltas:N0} rows");
    }

    [Fact]
    public async Task Bad_options_and_an_unreachable_venue_end_with_clear_messages()
    {
        var (code, _, error) = await RunAsync("record", "--url", _sim.Url, "-c", Catalog, "-i", "BTC-USD-PERP", "--types", "quotes,orders");
        code.ShouldBe(2);
        error.ShouldContain("--types: 'orders' is not one of quotes, trades, book, bars, mark, funding, depth");

        (code, _, error) = await RunAsync("record", "--url", _sim.Url, "-c", Catalog, "-i", "BTC-USD-PERP", "--duration", "soon");
        code.ShouldBe(2);
        error.ShouldContain("--duration: 'soon'");

        (code, _, error) = await RunAsync("record", "--url", _sim.Url, "--mainnet", "-c", Catalog, "-i", "BTC-USD-PERP");
        code.ShouldBe(2);
        error.ShouldContain("--url replaces --testnet/--mainnet");

        (code, _, error) = await RunAsync("record", "--url", _sim.Url, "-c", Catalog, "-i", "DOGE-USD-PERP", "--duration", "5s");
        code.ShouldBe(3);
        error.ShouldContain("DOGE-USD-PERP");

        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        string url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        (code, _, error) = await RunAsync("record", "--url", url, "-c", Catalog, "-i", "BTC-USD-PERP", "--duration", "5s");
        code.ShouldBe(3);
        error.ShouldContain("cannot start recording");
        Directory.Exists(Path.Combine(Catalog, "data")).ShouldBeFalse();
    }
}
