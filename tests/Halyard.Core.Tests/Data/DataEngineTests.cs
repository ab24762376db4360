using Halyard.Core.Cache;
using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Data;

public class DataEngineTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private static readonly InstrumentId Eth = InstrumentId.Perpetual("ETH");
    private static readonly InstrumentId BtcOther = new("BTC-USD-PERP", new Venue("OTHER"));

    private readonly MessageBus _bus = new();
    private readonly InMemoryCache _cache = new();
    private readonly DataEngine _engine;

    public DataEngineTests() => _engine = new DataEngine(_bus, _cache);

    private static QuoteTick Quote(InstrumentId id, string bid, string ask) =>
        new(id, Price.Parse(bid), Price.Parse(ask), Quantity.Parse("1"), Quantity.Parse("2"), 10, 11);

    [Fact]
    public void A_quote_updates_the_cache_before_subscribers_see_it()
    {
        QuoteTick? cachedWhenNotified = null;
        _bus.Subscribe<QuoteTick>(TopicNames.Quotes(Btc), _ => cachedWhenNotified = _cache.TryGetQuote(Btc, out var q) ? q : null);

        var quote = Quote(Btc, "100", "101");
        _engine.Process(quote);

        cachedWhenNotified.ShouldBe(quote);
        _cache.Price(Btc, OrderSide.Sell).ShouldBe(Price.Parse("100"));
        _cache.Price(Btc, OrderSide.Buy).ShouldBe(Price.Parse("101"));
        _cache.Price(Btc).ShouldBe(Price.Parse("100.5"));
        _cache.TryGetQuote(Eth, out _).ShouldBeFalse();
    }

    [Fact]
    public void Deltas_maintain_the_cached_book_and_publish_it_after_each_update()
    {
        var books = new List<string>();
        _bus.Subscribe<OrderBook>(TopicNames.Book(Btc), b => books.Add($"{b.BestBidPrice}/{b.BestAskPrice}"));
        int deltaBatches = 0;
        _bus.Subscribe<OrderBookDeltas>(TopicNames.BookDeltas(Btc), _ => deltaBatches++);

        _engine.Process(new OrderBookDeltas(Btc,
        [
            OrderBookDelta.Clear(Btc, 1, 1, 1),
            new(Btc, BookAction.Add, new BookOrder(OrderSide.Buy, Price.Parse("99"), Quantity.Parse("1"), 0), RecordFlags.Snapshot, 2, 1, 1),
            new(Btc, BookAction.Add, new BookOrder(OrderSide.Sell, Price.Parse("101"), Quantity.Parse("1"), 0), RecordFlags.Snapshot | RecordFlags.Last, 3, 1, 1),
        ]));
        _engine.Process(new OrderBookDeltas(Btc,
        [
            new(Btc, BookAction.Add, new BookOrder(OrderSide.Buy, Price.Parse("100"), Quantity.Parse("1"), 0), RecordFlags.Last, 4, 2, 2),
        ]));

        books.ShouldBe(["99/101", "100/101"]);
        deltaBatches.ShouldBe(2);
        _cache.OrderBook(Btc)!.BidLevelCount.ShouldBe(2);
    }

    [Fact]
    public void Trades_bars_mark_prices_funding_and_instruments_reach_cache_and_topics()
    {
        var seen = new List<string>();
        var barType = BarType.Parse("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
        _bus.Subscribe<TradeTick>(TopicNames.Trades(Btc), t => seen.Add($"trade {t.Price}"));
        _bus.Subscribe<Bar>(TopicNames.Bars(barType), b => seen.Add($"bar {b.Close}"));
        _bus.Subscribe<MarkPriceUpdate>(TopicNames.MarkPrices(Btc), m => seen.Add($"mark {m.Value}"));
        _bus.Subscribe<FundingRateUpdate>(TopicNames.FundingRates(Btc), f => seen.Add($"funding {f.Rate}"));

        _engine.TryProcess(new TradeTick(Btc, Price.Parse("100.5"), Quantity.Parse("1"), AggressorSide.Buyer, "t1", 1, 1)).ShouldBeTrue();
        _engine.TryProcess(new Bar(barType, Price.Parse("1"), Price.Parse("3"), Price.Parse("1"), Price.Parse("2"), Quantity.Parse("5"), 1, 1)).ShouldBeTrue();
        _engine.TryProcess(new MarkPriceUpdate(Btc, Price.Parse("100.4"), 1, 1)).ShouldBeTrue();
        _engine.TryProcess(new FundingRateUpdate(Btc, 0.0000125m, null, 1, 1)).ShouldBeTrue();
        _engine.TryProcess("not data").ShouldBeFalse();

        seen.ShouldBe(["trade 100.5", "bar 2", "mark 100.4", "funding 0.0000125"]);
        _cache.TryGetBar(barType, out Bar bar).ShouldBeTrue();
        bar.Volume.ShouldBe(Quantity.Parse("5"));
        _cache.Price(Btc).ShouldBe(Price.Parse("100.4")); // mark wins
        _cache.TryGetFundingRate(Btc, out var funding).ShouldBeTrue();
        funding.Rate.ShouldBe(0.0000125m);
    }

    [Fact]
    public void Subscriptions_go_to_the_client_of_the_instruments_venue_once_per_feed()
    {
        var hl = new RecordingDataClient("HYPERLIQUID");
        var other = new RecordingDataClient("OTHER");
        _engine.AddClient(hl);
        _engine.AddClient(other);

        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc));
        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc)); // second subscriber: already open
        _engine.Execute(new SubscribeData(DataKind.Quotes, BtcOther));
        _engine.Execute(new SubscribeData(DataKind.Book, Btc));
        _engine.Execute(new SubscribeData(DataKind.BookDeltas, Btc)); // same venue feed as Book
        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc).AsUnsubscribe());
        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc).AsUnsubscribe()); // last one leaves: close
        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc).AsUnsubscribe()); // nothing left: ignored

        hl.Calls.ShouldBe([$"+quotes {Btc}", $"+book {Btc}", $"-quotes {Btc}"]);
        other.Calls.ShouldBe([$"+quotes {BtcOther}"]);
        _engine.SubscriberCount(DataKind.Book, Btc).ShouldBe(2);
        _cache.OrderBook(Btc).ShouldNotBeNull(); // ready before the first delta
    }

    [Fact]
    public void Every_data_kind_is_routed_to_the_matching_client_call()
    {
        var hl = new RecordingDataClient("HYPERLIQUID");
        _engine.AddClient(hl);
        var barType = BarType.Parse("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
        SubscribeData[] all =
        [
            new(DataKind.Trades, Btc), new(DataKind.MarkPrices, Btc), new(DataKind.FundingRates, Btc), SubscribeData.Bars(barType),
        ];
        foreach (var s in all) _bus.Send(DataEngine.Endpoint, s);
        foreach (var s in all) _bus.Send(DataEngine.Endpoint, s.AsUnsubscribe());

        hl.Calls.ShouldBe(
        [
            $"+trades {Btc}", $"+mark {Btc}", $"+funding {Btc}", $"+bars {barType}",
            $"-trades {Btc}", $"-mark {Btc}", $"-funding {Btc}", $"-bars {barType}",
        ]);
    }

    [Fact]
    public void Without_a_client_for_the_venue_a_subscription_is_recorded_only()
    {
        _engine.Execute(new SubscribeData(DataKind.Quotes, Btc));
        _engine.SubscriberCount(DataKind.Quotes, Btc).ShouldBe(1);
    }

    [Fact]
    public void Two_clients_for_one_venue_are_refused()
    {
        _engine.AddClient(new RecordingDataClient("HYPERLIQUID"));
        Should.Throw<InvalidOperationException>(() => _engine.AddClient(new RecordingDataClient("HYPERLIQUID"))).Message.ShouldContain("HYPERLIQUID");
    }
}
