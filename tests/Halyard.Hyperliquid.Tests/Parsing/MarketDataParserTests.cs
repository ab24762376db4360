using System.Text;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Tests.Parsing;

public class MarketDataParserTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private readonly RecordingSink _sink = new();
    private readonly MarketDataParser _parser;

    public MarketDataParserTests()
    {
        var provider = new HyperliquidInstrumentProvider((_, _) => default);
        provider.Load(Fixture.Bytes("info_meta.response.json"));
        _parser = new MarketDataParser(() => provider.Table, _sink);
    }

    [Fact]
    public void Bbo_becomes_a_quote_with_venue_time_as_ts_event_and_our_clock_as_ts_init()
    {
        _parser.Handle(Fixture.Bytes("ws_bbo.message.json"), tsInit: 1_754_450_975_600_000_000).ShouldBeTrue();

        QuoteTick quote = _sink.Quotes.ShouldHaveSingleItem();
        quote.InstrumentId.ShouldBe(Btc);
        quote.BidPrice.ToString().ShouldBe("113377.0");
        quote.AskPrice.ToString().ShouldBe("113378.0");
        quote.BidSize.ToString().ShouldBe("7.66990");
        quote.AskSize.ToString().ShouldBe("0.11543");
        quote.TsEvent.ShouldBe(1_754_450_975_512_000_000);
        quote.TsInit.ShouldBe(1_754_450_975_600_000_000);
        _parser.LastTsEvent.ShouldBe(quote.TsEvent);
    }

    [Fact]
    public void One_sided_bbo_yields_no_quote()
    {
        _parser.Handle("""{"channel":"bbo","data":{"coin":"BTC","time":1,"bbo":[null,{"px":"100.0","sz":"1","n":1}]}}"""u8, 5);
        _sink.Quotes.ShouldBeEmpty();
        _parser.Skipped.ShouldBe(1);
    }

    [Fact]
    public void Trades_map_aggressor_side_and_trade_id()
    {
        _parser.Handle(Fixture.Bytes("ws_trades.message.json"), tsInit: 9);

        _sink.Trades.Count.ShouldBe(2);
        TradeTick buy = _sink.Trades[0];
        buy.AggressorSide.ShouldBe(AggressorSide.Buyer);
        buy.Price.ToString().ShouldBe("113378.0");
        buy.Size.ToString().ShouldBe("0.01250");
        buy.TradeId.ShouldBe("511269201834921");
        buy.TsEvent.ShouldBe(1_754_450_975_012_000_000);
        buy.TsInit.ShouldBe(9);
        _sink.Trades[1].AggressorSide.ShouldBe(AggressorSide.Seller);
        _sink.Trades[1].TradeId.ShouldBe("962204612350172");
    }

    [Fact]
    public void Trades_for_an_unknown_coin_are_skipped_and_counted()
    {
        _parser.Handle("""{"channel":"trades","data":[{"coin":"DOGE","side":"B","px":"0.1","sz":"10","time":1,"hash":"0x","tid":1,"users":[]}]}"""u8, 1);
        _sink.Trades.ShouldBeEmpty();
        _parser.Skipped.ShouldBe(1);
    }

    [Fact]
    public void First_l2_book_is_a_snapshot_clear_then_adds_with_last_flag_only_on_the_final_delta()
    {
        _parser.Handle(Fixture.Bytes("ws_l2Book.message.json"), tsInit: 7);

        OrderBookDeltas book = _sink.Books.ShouldHaveSingleItem();
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
        book.TsInit.ShouldBe(7);
    }

    [Fact]
    public void Later_l2_books_are_real_diffs_add_update_delete_per_level()
    {
        Push(bids: [("100.0", "1"), ("99.0", "2"), ("98.0", "3")], asks: [("101.0", "1"), ("102.0", "2")]);
        Push(bids: [("100.5", "4"), ("100.0", "1"), ("98.0", "5")], asks: [("101.0", "1"), ("102.0", "2"), ("103.0", "6")]);

        _sink.Books.Count.ShouldBe(2);
        OrderBookDeltas diff = _sink.Books[1];
        diff.IsSnapshot.ShouldBeFalse();
        var described = diff.Deltas.Select(d => $"{d.Action} {d.Order.Side} {d.Order.Price} {d.Order.Size}").ToList();
        described.ShouldBe([
            "Add Buy 100.5 4.00000",
            "Delete Buy 99.0 0.00000",
            "Update Buy 98.0 5.00000",
            "Add Sell 103.0 6.00000",
        ]);
        diff.Deltas.Take(3).ShouldAllBe(d => d.Flags == RecordFlags.None);
        diff.Deltas[3].Flags.ShouldBe(RecordFlags.Last);
    }

    [Fact]
    public void Unchanged_book_yields_no_deltas()
    {
        Push(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        Push(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        _sink.Books.Count.ShouldBe(1);
    }

    [Fact]
    public void Applying_every_update_reproduces_the_latest_venue_book()
    {
        var rng = new Random(11);
        var local = new SortedDictionary<long, long>[] { new(), new() };
        for (int round = 0; round < 200; round++)
        {
            var bids = RandomSide(rng, 1000, descending: true);
            var asks = RandomSide(rng, 1100, descending: false);
            int before = _sink.Books.Count;
            Push(bids, asks);
            foreach (OrderBookDeltas update in _sink.Books.Skip(before))
                foreach (OrderBookDelta d in update.Deltas)
                {
                    if (d.Action == BookAction.Clear) { local[0].Clear(); local[1].Clear(); continue; }
                    var side = local[d.Order.Side == OrderSide.Buy ? 0 : 1];
                    if (d.Action == BookAction.Delete) side.Remove(d.Order.Price.Raw).ShouldBeTrue();
                    else if (d.Action == BookAction.Add) side.Add(d.Order.Price.Raw, d.Order.Size.Raw);
                    else { side.ContainsKey(d.Order.Price.Raw).ShouldBeTrue(); side[d.Order.Price.Raw] = d.Order.Size.Raw; }
                }
            local[0].Select(kv => (kv.Key, kv.Value)).ShouldBe(bids.Select(l => (Price.Parse(l.Px).Raw, Quantity.Parse(l.Sz).Raw)).OrderBy(x => x.Item1));
            local[1].Select(kv => (kv.Key, kv.Value)).ShouldBe(asks.Select(l => (Price.Parse(l.Px).Raw, Quantity.Parse(l.Sz).Raw)).OrderBy(x => x.Item1));
        }
    }

    [Fact]
    public void After_a_reset_the_next_book_is_a_snapshot_again()
    {
        Push(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        _parser.ResetBooks();
        Push(bids: [("100.0", "1")], asks: [("101.0", "1")]);

        _sink.Books.Count.ShouldBe(2);
        _sink.Books[1].IsSnapshot.ShouldBeTrue();
        _sink.Books[1].Deltas[0].Action.ShouldBe(BookAction.Clear);
    }

    [Fact]
    public void Empty_snapshot_is_a_single_clear_marked_last()
    {
        Push(bids: [], asks: []);
        OrderBookDelta only = _sink.Books.ShouldHaveSingleItem().Deltas.ShouldHaveSingleItem();
        only.Action.ShouldBe(BookAction.Clear);
        only.Flags.ShouldBe(RecordFlags.Snapshot | RecordFlags.Last);
    }

    [Fact]
    public void A_candle_becomes_a_bar_once_the_next_candle_starts()
    {
        Candle(t: 60_000, close: 119_999, o: "100.0", h: "105.0", l: "99.0", c: "101.0", v: "2.5");
        Candle(t: 60_000, close: 119_999, o: "100.0", h: "106.0", l: "99.0", c: "104.0", v: "3");
        _sink.Bars.ShouldBeEmpty();
        Candle(t: 120_000, close: 179_999, o: "104.0", h: "104.0", l: "104.0", c: "104.0", v: "0.1");

        Bar bar = _sink.Bars.ShouldHaveSingleItem();
        bar.BarType.ToString().ShouldBe("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
        bar.Open.ToString().ShouldBe("100.0");
        bar.High.ToString().ShouldBe("106.0");
        bar.Close.ToString().ShouldBe("104.0");
        bar.Volume.ToString().ShouldBe("3.00000");
        bar.TsEvent.ShouldBe(120_000_000_000);
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
    public void Active_asset_ctx_gives_mark_price_and_hourly_funding_rate()
    {
        const long tsInit = 3_600_000_000_000L * 10 + 5;
        _parser.Handle("""{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"funding":"0.0000125","openInterest":"1","prevDayPx":"1","dayNtlVlm":"1","premium":null,"oraclePx":"97012.0","markPx":"97031.0","midPx":null,"impactPxs":null}}}"""u8, tsInit);

        MarkPriceUpdate mark = _sink.MarkPrices.ShouldHaveSingleItem();
        mark.Value.ToString().ShouldBe("97031.0");
        FundingRateUpdate funding = _sink.FundingRates.ShouldHaveSingleItem();
        funding.Rate.ShouldBe(0.0000125m);
        funding.NextFundingNs.ShouldBe(3_600_000_000_000L * 11);
    }

    [Fact]
    public void Non_market_frames_are_left_to_other_handlers()
    {
        _parser.Handle(Fixture.Bytes("ws_orderUpdates.message.json"), 1).ShouldBeFalse();
        _parser.Handle(Fixture.Bytes("ws_pong.message.json"), 1).ShouldBeFalse();
        _parser.Handle("Websocket connection established."u8, 1).ShouldBeFalse();
    }

    [Fact]
    public void Frame_with_data_before_channel_is_still_understood()
    {
        _parser.Handle("""{"data":{"coin":"BTC","time":1,"bbo":[{"px":"1.0","sz":"1","n":1},{"px":"2.0","sz":"1","n":1}]},"channel":"bbo"}"""u8, 1).ShouldBeTrue();
        _sink.Quotes.ShouldHaveSingleItem();
    }

    private void Push((string Px, string Sz)[] bids, (string Px, string Sz)[] asks)
    {
        static string Side((string Px, string Sz)[] levels) => string.Join(',', levels.Select(l => $$"""{"px":"{{l.Px}}","sz":"{{l.Sz}}","n":1}"""));
        string json = $$$"""{"channel":"l2Book","data":{"coin":"BTC","time":1000,"levels":[[{{{Side(bids)}}}],[{{{Side(asks)}}}]]}}""";
        _parser.Handle(Encoding.UTF8.GetBytes(json), 2000);
    }

    private void Candle(long t, long close, string o, string h, string l, string c, string v)
    {
        string json = $$$"""{"channel":"candle","data":{"t":{{{t}}},"T":{{{close}}},"s":"BTC","i":"1m","o":"{{{o}}}","c":"{{{c}}}","h":"{{{h}}}","l":"{{{l}}}","v":"{{{v}}}","n":3}}""";
        _parser.Handle(Encoding.UTF8.GetBytes(json), 1);
    }

    private static (string Px, string Sz)[] RandomSide(Random rng, int around, bool descending)
    {
        var prices = Enumerable.Range(0, 12).Select(k => around + (descending ? -k : k)).Where(_ => rng.Next(3) > 0).ToArray();
        return prices.Select(p => ($"{p}.0", $"{rng.Next(1, 4)}")).ToArray();
    }
}
