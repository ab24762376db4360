using System.Collections.Concurrent;
using System.Text;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Tests.Data;

public class MarketDataMapperTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private readonly KernelInbox _inbox = new();
    private readonly TestClock _clock = new(1_754_450_975_600_000_000);
    private readonly ConcurrentDictionary<string, CoinFeed> _feeds = new();
    private readonly HyperliquidMetrics _metrics = new();
    private readonly MarketDataMapper _mapper;
    private readonly CoinFeed _btc;

    public MarketDataMapperTests()
    {
        var provider = new HyperliquidInstrumentProvider((_, _) => default);
        provider.Load(Fixture.Bytes("info_meta.response.json"));
        _mapper = new MarketDataMapper(_inbox, _clock, () => provider.Table, _feeds, _metrics);
        _btc = _feeds.GetOrAdd("BTC", c => new CoinFeed(c));
        _btc.Quotes = _btc.Trades = _btc.Book = _btc.MarkPrices = _btc.FundingRates = true;
        _btc.Bars[new BarSpecification(1, BarAggregation.Minute, PriceType.Last)] = new BarType(Btc, new BarSpecification(1, BarAggregation.Minute, PriceType.Last));
    }

    [Fact]
    public void Bbo_becomes_a_quote_at_the_instrument_precision_with_venue_time_as_ts_event_and_our_clock_as_ts_init()
    {
        Handle(WsChannel.Bbo, Fixture.Bytes("ws_bbo.message.json"));

        QuoteTick quote = Posted().ShouldHaveSingleItem().Quote;
        quote.InstrumentId.ShouldBe(Btc);
        quote.BidPrice.ToString().ShouldBe("113377.0");
        quote.AskPrice.ToString().ShouldBe("113378.0");
        quote.BidSize.ToString().ShouldBe("7.66990");
        quote.AskSize.ToString().ShouldBe("0.11543");
        quote.TsEvent.ShouldBe(1_754_450_975_512_000_000);
        quote.TsInit.ShouldBe(1_754_450_975_600_000_000);
        _metrics.FeedLatency.Snapshot().Count.ShouldBe(1);
        _metrics.FeedLatency.Snapshot().P50Micros.ShouldBe(88_000, tolerance: 100);
        _metrics.FeedProcessing.Snapshot().Count.ShouldBe(1);
    }

    [Fact]
    public void One_sided_bbo_yields_no_quote()
    {
        Handle(WsChannel.Bbo, """{"channel":"bbo","data":{"coin":"BTC","time":1,"bbo":[null,{"px":"100.0","sz":"1","n":1}]}}"""u8);
        Posted().ShouldBeEmpty();
        _mapper.SkippedFrames.ShouldBe(1);
        _mapper.MalformedFrames.ShouldBe(0);
    }

    [Fact]
    public void Trades_map_aggressor_side_and_trade_id()
    {
        Handle(WsChannel.Trades, Fixture.Bytes("ws_trades.message.json"));

        var trades = Posted().Select(m => m.Trade).ToList();
        trades.Count.ShouldBe(2);
        trades[0].AggressorSide.ShouldBe(AggressorSide.Buyer);
        trades[0].Price.ToString().ShouldBe("113378.0");
        trades[0].Size.ToString().ShouldBe("0.01250");
        trades[0].TradeId.ShouldBe("511269201834921");
        trades[0].TsEvent.ShouldBe(1_754_450_975_012_000_000);
        trades[0].TsInit.ShouldBe(_clock.UtcNowNs);
        trades[1].AggressorSide.ShouldBe(AggressorSide.Seller);
        trades[1].TradeId.ShouldBe("962204612350172");
    }

    [Fact]
    public void Frames_of_an_unknown_coin_or_an_unsubscribed_feed_post_nothing()
    {
        Handle(WsChannel.Trades, """{"channel":"trades","data":[{"coin":"DOGE","side":"B","px":"0.1","sz":"10","time":1,"hash":"0x","tid":1,"users":[]}]}"""u8);
        _btc.Trades = false;
        Handle(WsChannel.Trades, Fixture.Bytes("ws_trades.message.json"));

        Posted().ShouldBeEmpty();
        _mapper.SkippedFrames.ShouldBe(2);
    }

    [Theory]
    [InlineData(WsChannel.L2Book, """{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"abc","sz":"1","n":1}],[]]}}""")]
    [InlineData(WsChannel.L2Book, """{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"1.0","sz":"1","n":1}]""")]
    [InlineData(WsChannel.Bbo, """{"channel":"bbo","data":{"coin":"BTC","bbo":[null,null]}}""")]
    [InlineData(WsChannel.Trades, """{"channel":"trades","data":[{"coin":"BTC","side":"X","px":"1.0","sz":"1","time":1,"tid":1}]}""")]
    [InlineData(WsChannel.Candle, """{"channel":"candle","data":{"t":1,"T":2,"s":"BTC","i":"7m","o":"1","c":"1","h":"1","l":"1","v":"1","n":1}}""")]
    [InlineData(WsChannel.Candle, """{"channel":"candle","data":{"t":1,"T":2,"s":"BTC","i":"1m","o":"1","c":"1","h":"1","l":"1"}}""")]
    [InlineData(WsChannel.ActiveAssetCtx, """{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"markPx":"x1","funding":"0.1"}}}""")]
    [InlineData(WsChannel.ActiveAssetCtx, """{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"markPx":"1.0","funding":"zero"}}}""")]
    [InlineData(WsChannel.ActiveAssetCtx, "not json at all")]
    public void A_malformed_frame_is_counted_and_posts_nothing(WsChannel channel, string frame)
    {
        Handle(channel, Encoding.UTF8.GetBytes(frame));
        Posted().ShouldBeEmpty();
        _mapper.MalformedFrames.ShouldBe(1);

        Handle(WsChannel.Bbo, Fixture.Bytes("ws_bbo.message.json"));
        Posted().ShouldHaveSingleItem("the next good frame is mapped as usual");
    }

    [Fact]
    public void First_l2_book_is_a_snapshot_clear_then_adds_with_last_flag_only_on_the_final_delta()
    {
        Handle(WsChannel.L2Book, Fixture.Bytes("ws_l2Book.message.json"));

        var book = (OrderBookDeltas)Posted().ShouldHaveSingleItem().Object!;
        book.IsSnapshot.ShouldBeTrue();
        book.Deltas.Count.ShouldBe(6);
        book.Deltas[0].Action.ShouldBe(BookAction.Clear);
        book.Deltas.Skip(1).ShouldAllBe(d => d.Action == BookAction.Add && d.IsSnapshot);
        book.Deltas.Take(5).ShouldAllBe(d => !d.IsLast);
        book.Deltas[5].IsLast.ShouldBeTrue();
        book.Deltas[1].Order.Side.ShouldBe(OrderSide.Buy);
        book.Deltas[1].Order.Price.ToString().ShouldBe("113377.0");
        book.Deltas[1].Order.Size.ToString().ShouldBe("7.66990");
        book.Deltas[4].Order.Side.ShouldBe(OrderSide.Sell);
        book.Deltas[4].Order.Price.ToString().ShouldBe("113378.0");
        book.TsEvent.ShouldBe(1_754_450_974_231_000_000);
        book.TsInit.ShouldBe(_clock.UtcNowNs);
    }

    [Fact]
    public void Later_l2_books_are_diffs_against_the_previous_one()
    {
        PushBook(bids: [("100.0", "1"), ("99.0", "2")], asks: [("101.0", "1")]);
        PushBook(bids: [("100.0", "1"), ("99.0", "3")], asks: []);

        var books = Posted().Select(m => (OrderBookDeltas)m.Object!).ToList();
        books.Count.ShouldBe(2);
        books[1].IsSnapshot.ShouldBeFalse();
        books[1].Deltas.Select(d => $"{d.Action} {d.Order.Side} {d.Order.Price} {d.Order.Size} {d.Flags}")
            .ShouldBe(["Update Buy 99.0 3.00000 None", "Delete Sell 101.0 0.00000 Last"]);
    }

    [Fact]
    public void After_a_reset_or_a_new_book_subscription_the_next_book_is_a_snapshot_again()
    {
        PushBook(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        _mapper.ResetBooks();
        PushBook(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        _btc.Book = false;
        PushBook(bids: [("100.0", "2")], asks: [("101.0", "1")]);
        _btc.Book = true;
        PushBook(bids: [("100.0", "1")], asks: [("101.0", "1")]);

        var books = Posted().Select(m => (OrderBookDeltas)m.Object!).ToList();
        books.Count.ShouldBe(3, "nothing is posted while unsubscribed");
        books.ShouldAllBe(b => b.IsSnapshot && b.Deltas[0].Action == BookAction.Clear);
    }

    [Fact]
    public void A_candle_becomes_a_bar_once_the_next_candle_starts()
    {
        Candle(t: 60_000, close: 119_999, o: "100.0", h: "105.0", l: "99.0", c: "101.0", v: "2.5");
        Candle(t: 60_000, close: 119_999, o: "100.0", h: "106.0", l: "99.0", c: "104.0", v: "3");
        Posted().ShouldBeEmpty();
        Candle(t: 120_000, close: 179_999, o: "104.0", h: "104.0", l: "104.0", c: "104.0", v: "0.1");

        var bar = (Bar)Posted().ShouldHaveSingleItem().Object!;
        bar.BarType.ToString().ShouldBe("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
        bar.Open.ToString().ShouldBe("100.0");
        bar.High.ToString().ShouldBe("106.0");
        bar.Low.ToString().ShouldBe("99.0");
        bar.Close.ToString().ShouldBe("104.0");
        bar.Volume.ToString().ShouldBe("3.00000");
        bar.TsEvent.ShouldBe(120_000_000_000);

        Candle(t: 60_000, close: 119_999, o: "1.0", h: "1.0", l: "1.0", c: "1.0", v: "1");
        Posted().ShouldBeEmpty("a late update of a bar already posted is dropped");
    }

    [Fact]
    public void Candles_of_an_interval_nobody_subscribed_are_skipped()
    {
        string json = """{"channel":"candle","data":{"t":1,"T":2,"s":"BTC","i":"5m","o":"1","c":"1","h":"1","l":"1","v":"1","n":1}}""";
        Handle(WsChannel.Candle, Encoding.UTF8.GetBytes(json));
        _mapper.SkippedFrames.ShouldBe(1);
        _mapper.MalformedFrames.ShouldBe(0);
    }

    [Theory]
    [InlineData("1m", 1, BarAggregation.Minute)]
    [InlineData("15m", 15, BarAggregation.Minute)]
    [InlineData("4h", 4, BarAggregation.Hour)]
    [InlineData("1d", 1, BarAggregation.Day)]
    [InlineData("1M", 1, BarAggregation.Month)]
    public void Candle_intervals_map_both_ways(string wire, int step, BarAggregation aggregation)
    {
        CandleInterval.TryFromWire(Encoding.UTF8.GetBytes(wire), out BarSpecification spec).ShouldBeTrue();
        spec.ShouldBe(new BarSpecification(step, aggregation, PriceType.Last));
        CandleInterval.TryToWire(spec, out string back).ShouldBeTrue();
        back.ShouldBe(wire);
    }

    [Fact]
    public void Active_asset_ctx_gives_mark_price_and_funding_rate_with_the_next_hour_as_next_funding()
    {
        const long hour = 3_600_000_000_000L;
        long hours = _clock.UtcNowNs / hour + 1;
        _clock.SetTime(hour * hours + 5);
        Handle(WsChannel.ActiveAssetCtx, """{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"funding":"0.0000125","openInterest":"1","prevDayPx":"1","dayNtlVlm":"1","premium":null,"oraclePx":"97012.0","markPx":"97031.0","midPx":null,"impactPxs":null}}}"""u8);

        var posted = Posted();
        posted.Count.ShouldBe(2);
        MarkPriceUpdate mark = posted[0].MarkPrice;
        mark.Value.ToString().ShouldBe("97031.0");
        mark.TsEvent.ShouldBe(_clock.UtcNowNs);
        var funding = (FundingRateUpdate)posted[1].Object!;
        funding.Rate.ShouldBe(0.0000125m);
        funding.NextFundingNs.ShouldBe(hour * (hours + 1));
        _metrics.FeedLatency.Snapshot().Count.ShouldBe(0, "activeAssetCtx has no venue time to measure from");
    }

    [Fact]
    public void Only_the_subscribed_half_of_an_asset_context_is_posted()
    {
        _btc.FundingRates = false;
        Handle(WsChannel.ActiveAssetCtx, """{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"funding":"0.0001","markPx":"97031.0"}}}"""u8);
        Posted().ShouldHaveSingleItem().Kind.ShouldBe(KernelMessageKind.MarkPrice);
    }

    [Fact]
    public void Non_market_frames_are_ignored()
    {
        Handle(WsChannel.OrderUpdates, Fixture.Bytes("ws_orderUpdates.message.json"));
        Handle(WsChannel.SubscriptionResponse, Fixture.Bytes("ws_subscriptionResponse.message.json"));
        Posted().ShouldBeEmpty();
        _mapper.MalformedFrames.ShouldBe(0);
    }

    [Fact]
    public void Frame_with_data_before_channel_is_still_understood()
    {
        Handle(WsChannel.Bbo, """{"data":{"coin":"BTC","time":1,"bbo":[{"px":"1.0","sz":"1","n":1},{"px":"2.0","sz":"1","n":1}]},"channel":"bbo"}"""u8);
        Posted().ShouldHaveSingleItem();
    }

    private void Handle(WsChannel channel, ReadOnlySpan<byte> frame) => _mapper.Handle(channel, frame);

    private List<KernelMessage> Posted()
    {
        var list = new List<KernelMessage>();
        while (_inbox.Reader.TryRead(out KernelMessage message)) list.Add(message);
        return list;
    }

    private void PushBook((string Px, string Sz)[] bids, (string Px, string Sz)[] asks)
    {
        static string Side((string Px, string Sz)[] levels) => string.Join(',', levels.Select(l => $$"""{"px":"{{l.Px}}","sz":"{{l.Sz}}","n":1}"""));
        string json = $$$"""{"channel":"l2Book","data":{"coin":"BTC","time":1000,"levels":[[{{{Side(bids)}}}],[{{{Side(asks)}}}]]}}""";
        Handle(WsChannel.L2Book, Encoding.UTF8.GetBytes(json));
    }

    private void Candle(long t, long close, string o, string h, string l, string c, string v)
    {
        string json = $$$"""{"channel":"candle","data":{"t":{{{t}}},"T":{{{close}}},"s":"BTC","i":"1m","o":"{{{o}}}","c":"{{{c}}}","h":"{{{h}}}","l":"{{{l}}}","v":"{{{v}}}","n":3}}""";
        Handle(WsChannel.Candle, Encoding.UTF8.GetBytes(json));
    }
}
