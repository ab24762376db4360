using Halyard.Core.Model;
using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Wire.Push;

namespace Halyard.Hyperliquid.Tests.Wire;

public class MarketFrameReaderTests
{
    [Theory]
    [InlineData("ws_l2Book.message.json")]
    [InlineData("info_l2Book.response.json")]
    public void L2_book_frames_and_rest_snapshots_fill_the_buffer(string fixture)
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book(FixtureFiles.Bytes(fixture), buffer, out var error).ShouldBeTrue(error);
        buffer.Coin.ShouldBe("BTC");
        buffer.Time.ShouldBe(1754450974231);
        buffer.BidCount.ShouldBe(3);
        buffer.AskCount.ShouldBe(2);
        buffer.Bids[0].Price.ShouldBe(Price.Parse("113377.0"));
        buffer.Bids[1].Size.ShouldBe(Quantity.Parse("4.13714"));
        buffer.Bids[1].SizeDecimal.ShouldBe(4.13714m);
        buffer.Bids[0].OrderCount.ShouldBe(17);
        buffer.Asks[1].PriceDecimal.ShouldBe(113380m);
    }

    [Fact]
    public void The_buffer_is_reused_and_grows_past_its_capacity()
    {
        var buffer = new BookSnapshotBuffer(capacityPerSide: 1);
        MarketFrameReader.TryParseL2Book(FixtureFiles.Bytes("ws_l2Book.message.json"), buffer, out _).ShouldBeTrue();
        buffer.BidCount.ShouldBe(3);
        string coin = buffer.Coin;
        MarketFrameReader.TryParseL2Book(FixtureFiles.Bytes("ws_l2Book.message.json"), buffer, out _).ShouldBeTrue();
        buffer.BidCount.ShouldBe(3);
        ReferenceEquals(coin, buffer.Coin).ShouldBeTrue("the same coin must not allocate a new string");
    }

    [Fact]
    public void A_bad_size_names_the_level()
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book("""{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"1","sz":"1","n":1}],[{"px":"2","sz":"x1","n":1}]]}}"""u8, buffer, out var error).ShouldBeFalse();
        error.ShouldBe("l2Book: levels[1][0].sz is not a valid value: 'x1'");
    }

    [Fact]
    public void A_level_without_order_count_is_rejected()
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book("""{"coin":"BTC","time":1,"levels":[[{"px":"1","sz":"1"}],[]]}"""u8, buffer, out var error).ShouldBeFalse();
        error.ShouldBe("l2Book: levels[0][0] is missing 'n'");
    }

    [Fact]
    public void Truncated_and_non_json_books_fail_without_throwing()
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book("""{"coin":"BTC","time":1,"levels":[[{"px":"1","""u8, buffer, out var error).ShouldBeFalse();
        error.ShouldStartWith("l2Book: malformed JSON");
        MarketFrameReader.TryParseL2Book("Websocket connection established."u8, buffer, out error).ShouldBeFalse();
        MarketFrameReader.TryParseL2Book("""{"coin":"BTC","levels":[[],[]]}"""u8, buffer, out error).ShouldBeFalse();
        error.ShouldBe("l2Book: missing 'time'");
    }

    [Fact]
    public void Bbo_reads_both_sides_and_null_sides()
    {
        var buffer = new BboBuffer();
        MarketFrameReader.TryParseBbo(FixtureFiles.Bytes("ws_bbo.message.json"), buffer, out var error).ShouldBeTrue(error);
        buffer.HasBid.ShouldBeTrue();
        buffer.Bid.Price.ShouldBe(Price.Parse("113377"));
        buffer.Ask.Size.ShouldBe(Quantity.Parse("0.11543"));
        buffer.Time.ShouldBe(1754450975512);

        MarketFrameReader.TryParseBbo("""{"channel":"bbo","data":{"coin":"BTC","time":2,"bbo":[null,{"px":"5","sz":"1","n":2}]}}"""u8, buffer, out error).ShouldBeTrue(error);
        buffer.HasBid.ShouldBeFalse();
        buffer.HasAsk.ShouldBeTrue();
        buffer.Ask.OrderCount.ShouldBe(2);
    }

    [Fact]
    public void Trades_read_price_size_side_and_ids()
    {
        var buffer = new TradeBuffer();
        MarketFrameReader.TryParseTrades(FixtureFiles.Bytes("ws_trades.message.json"), buffer, out var error).ShouldBeTrue(error);
        buffer.Coin.ShouldBe("BTC");
        buffer.Count.ShouldBe(2);
        buffer.Trades[0].AggressorIsBuyer.ShouldBeTrue();
        buffer.Trades[0].Size.ShouldBe(Quantity.Parse("0.0125"));
        buffer.Trades[0].Tid.ShouldBe(511269201834921);
        buffer.Trades[1].AggressorIsBuyer.ShouldBeFalse();
        buffer.Trades[1].Price.ShouldBe(Price.Parse("113377.0"));
        buffer.Trades[1].Time.ShouldBe(1754450975012);
    }

    [Fact]
    public void An_empty_trades_array_is_valid_and_a_bad_side_is_named()
    {
        var buffer = new TradeBuffer();
        MarketFrameReader.TryParseTrades("""{"channel":"trades","data":[]}"""u8, buffer, out var error).ShouldBeTrue(error);
        buffer.Count.ShouldBe(0);
        MarketFrameReader.TryParseTrades("""[{"coin":"BTC","side":"X","px":"1","sz":"1","time":1,"tid":1}]"""u8, buffer, out error).ShouldBeFalse();
        error.ShouldBe("trades: data[0].side is not a valid value: 'X'");
    }

    [Fact]
    public void Parsing_a_book_again_allocates_nothing()
    {
        byte[] frame = FixtureFiles.Bytes("ws_l2Book.message.json");
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book(frame, buffer, out _).ShouldBeTrue();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) MarketFrameReader.TryParseL2Book(frame, buffer, out _);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    private static byte[] Compact(string fixture)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(FixtureFiles.Bytes(fixture));
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(doc.RootElement);
    }

    [Theory]
    [InlineData("ws_l2Book.message.json")]
    [InlineData("info_l2Book.response.json")]
    public void The_compact_fast_path_reads_exactly_what_the_general_reader_reads(string fixture)
    {
        var general = new BookSnapshotBuffer();
        var fast = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book(FixtureFiles.Bytes(fixture), general, out _).ShouldBeTrue(); // pretty-printed: general reader
        byte[] compact = Compact(fixture);
        compact[0].ShouldBe((byte)'{');
        MarketFrameReader.TryParseL2Book(compact, fast, out var error).ShouldBeTrue(error);
        fast.Coin.ShouldBe(general.Coin);
        fast.Time.ShouldBe(general.Time);
        fast.Bids.ToArray().ShouldBe(general.Bids.ToArray());
        fast.Asks.ToArray().ShouldBe(general.Asks.ToArray());
    }

    [Theory]
    [InlineData("""{"channel":"l2Book","data":{"time":5,"coin":"BTC","levels":[[{"sz":"1","px":"2","n":3}],[]]}}""")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"B\u0054C","time":5,"levels":[[{"px":"2","sz":"1","n":3}],[]]}}""")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2","sz":"1","n":3,"extra":true}],[]]}}""")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2","sz":"1","n":3}],[]]},"extra":1}""")]
    public void Frames_off_the_compact_shape_fall_back_to_the_general_reader(string frame)
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book(System.Text.Encoding.UTF8.GetBytes(frame), buffer, out var error).ShouldBeTrue(error);
        buffer.Coin.ShouldBe("BTC");
        buffer.Time.ShouldBe(5);
        buffer.Bids[0].Price.ShouldBe(Price.Parse("2"));
        buffer.Bids[0].Size.ShouldBe(Quantity.Parse("1"));
        buffer.AskCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2.x","sz":"1","n":3}],[]]}}""", "l2Book: levels[0][0].px is not a valid value: '2.x'")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2","sz":"-1","n":3}],[]]}}""", "l2Book: levels[0][0].sz is not a valid value: '-1'")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2","sz":"1","n":3}]]}}""", "l2Book: 'levels' must have two sides, found 1")]
    [InlineData("""{"channel":"l2Book","data":{"coin":"BTC","time":5,"levels":[[{"px":"2","sz":"1","n":3}],[]]}""", null)]
    public void Compact_frames_with_bad_values_get_the_general_readers_error(string frame, string? expected)
    {
        var buffer = new BookSnapshotBuffer();
        MarketFrameReader.TryParseL2Book(System.Text.Encoding.UTF8.GetBytes(frame), buffer, out var error).ShouldBeFalse();
        if (expected is not null) error.ShouldBe(expected);
        else error.ShouldStartWith("l2Book: malformed JSON");
    }
}
