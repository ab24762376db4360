using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Data;

public class OrderBookTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private ulong _seq;

    private OrderBookDelta Delta(BookAction action, OrderSide side, string price, string size, RecordFlags flags = RecordFlags.None) =>
        new(Btc, action, new BookOrder(side, Price.Parse(price, 1), Quantity.Parse(size, 3), 0), flags, ++_seq, (long)_seq * 10, (long)_seq * 10);

    private OrderBook Book(params (OrderSide Side, string Price, string Size)[] levels)
    {
        var book = new OrderBook(Btc, 1, 3);
        book.Apply(OrderBookDelta.Clear(Btc, ++_seq, 0, 0));
        foreach (var l in levels) book.Apply(Delta(BookAction.Add, l.Side, l.Price, l.Size));
        return book;
    }

    private static string[] Bids(OrderBook book) => [.. Enumerable.Range(0, book.BidLevelCount).Select(i => book.Bid(i).ToString())];
    private static string[] Asks(OrderBook book) => [.. Enumerable.Range(0, book.AskLevelCount).Select(i => book.Ask(i).ToString())];

    [Fact]
    public void Levels_added_in_any_order_come_out_best_first()
    {
        OrderBook book = Book(
            (OrderSide.Buy, "100.0", "1.000"), (OrderSide.Buy, "101.5", "2.000"), (OrderSide.Buy, "99.0", "3.000"),
            (OrderSide.Sell, "103.0", "4.000"), (OrderSide.Sell, "102.0", "5.000"), (OrderSide.Sell, "104.5", "6.000"));

        Bids(book).ShouldBe(["2.000 @ 101.5", "1.000 @ 100.0", "3.000 @ 99.0"]);
        Asks(book).ShouldBe(["5.000 @ 102.0", "4.000 @ 103.0", "6.000 @ 104.5"]);
        book.BestBidPrice.ShouldBe(Price.Parse("101.5"));
        book.BestAskPrice.ShouldBe(Price.Parse("102.0"));
        book.BestBidSize.ShouldBe(Quantity.Parse("2"));
        book.Spread.ShouldBe(Price.Parse("0.5"));
        book.Midpoint!.Value.ToString().ShouldBe("101.75");
        book.IsCrossed.ShouldBeFalse();
    }

    [Fact]
    public void Update_sets_a_level_size_and_size_zero_or_delete_removes_it()
    {
        OrderBook book = Book((OrderSide.Buy, "100.0", "1.000"), (OrderSide.Buy, "99.0", "1.000"), (OrderSide.Sell, "101.0", "1.000"));

        book.Apply(Delta(BookAction.Update, OrderSide.Buy, "100.0", "7.500"));
        book.Apply(Delta(BookAction.Update, OrderSide.Buy, "99.0", "0"));
        book.Apply(Delta(BookAction.Delete, OrderSide.Sell, "101.0", "0"));
        book.Apply(Delta(BookAction.Delete, OrderSide.Sell, "555.0", "0")); // unknown level: nothing to remove

        Bids(book).ShouldBe(["7.500 @ 100.0"]);
        Asks(book).ShouldBeEmpty();
        book.BestAskPrice.ShouldBeNull();
        book.Spread.ShouldBeNull();
        book.Midpoint.ShouldBeNull();
        book.SizeAt(OrderSide.Buy, Price.Parse("100")).ShouldBe(Quantity.Parse("7.5"));
        book.SizeAt(OrderSide.Buy, Price.Parse("99")).IsZero.ShouldBeTrue();
    }

    [Fact]
    public void A_snapshot_replaces_the_whole_book()
    {
        OrderBook book = Book((OrderSide.Buy, "100.0", "1.000"), (OrderSide.Sell, "101.0", "1.000"));
        var snapshot = new List<OrderBookDelta>
        {
            OrderBookDelta.Clear(Btc, ++_seq, 5, 5),
            Delta(BookAction.Add, OrderSide.Buy, "90.0", "2.000", RecordFlags.Snapshot),
            Delta(BookAction.Add, OrderSide.Sell, "91.0", "3.000", RecordFlags.Snapshot | RecordFlags.Last),
        };

        book.Apply(new OrderBookDeltas(Btc, snapshot));

        Bids(book).ShouldBe(["2.000 @ 90.0"]);
        Asks(book).ShouldBe(["3.000 @ 91.0"]);
        book.Sequence.ShouldBe(_seq);
        book.TsLast.ShouldBe((long)_seq * 10);
    }

    [Fact]
    public void A_snapshot_without_a_leading_clear_still_replaces_the_book()
    {
        OrderBook book = Book((OrderSide.Buy, "100.0", "1.000"), (OrderSide.Sell, "101.0", "1.000"));
        book.Apply(new OrderBookDeltas(Btc, [Delta(BookAction.Add, OrderSide.Buy, "95.0", "1.000", RecordFlags.Snapshot | RecordFlags.Last)]));
        Bids(book).ShouldBe(["1.000 @ 95.0"]);
        Asks(book).ShouldBeEmpty();
    }

    [Fact]
    public void Consecutive_snapshot_batches_each_replace_the_book_and_deltas_in_between_apply()
    {
        var book = new OrderBook(Btc, 1, 3);
        book.Apply(new OrderBookDeltas(Btc, [Delta(BookAction.Add, OrderSide.Buy, "95.0", "1.000", RecordFlags.Snapshot),
            Delta(BookAction.Add, OrderSide.Buy, "94.0", "1.000", RecordFlags.Snapshot)])); // no Last flag: the batch end closes it
        book.Apply(new OrderBookDeltas(Btc, [Delta(BookAction.Add, OrderSide.Buy, "93.0", "1.000", RecordFlags.Last)]));
        Bids(book).ShouldBe(["1.000 @ 95.0", "1.000 @ 94.0", "1.000 @ 93.0"]);

        book.Apply(new OrderBookDeltas(Btc, [Delta(BookAction.Add, OrderSide.Buy, "90.0", "2.000", RecordFlags.Snapshot)]));
        Bids(book).ShouldBe(["2.000 @ 90.0"]);
    }

    [Fact]
    public void Top_levels_copy_into_a_caller_buffer()
    {
        OrderBook book = Book((OrderSide.Buy, "100.0", "1.000"), (OrderSide.Buy, "99.0", "2.000"), (OrderSide.Buy, "98.0", "3.000"));
        Span<BookLevel> top = stackalloc BookLevel[2];
        book.CopyBids(top).ShouldBe(2);
        top[1].ShouldBe(new BookLevel(Price.Parse("99"), Quantity.Parse("2")));
        Span<BookLevel> many = stackalloc BookLevel[10];
        book.CopyBids(many).ShouldBe(3);
        book.CopyAsks(many).ShouldBe(0);
    }

    [Fact]
    public void A_deep_book_matches_a_sorted_reference_after_random_updates()
    {
        var book = new OrderBook(Btc, 1, 3);
        var bids = new SortedDictionary<long, long>();
        var asks = new SortedDictionary<long, long>();
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            bool bid = random.Next(2) == 0;
            long price = (bid ? random.Next(1, 500) : random.Next(500, 1000)) * 100_000_000L;
            long size = random.Next(4) == 0 ? 0 : random.Next(1, 1000) * 1_000_000L;
            var side = bid ? OrderSide.Buy : OrderSide.Sell;
            book.Apply(new OrderBookDelta(Btc, BookAction.Update, new BookOrder(side, Price.FromRaw(price, 1), Quantity.FromRaw(size, 3), 0),
                RecordFlags.Last, (ulong)i, i, i));
            var reference = bid ? bids : asks;
            if (size == 0) reference.Remove(price); else reference[price] = size;
        }

        book.BidLevelCount.ShouldBe(bids.Count);
        book.AskLevelCount.ShouldBe(asks.Count);
        var expectedBids = bids.Reverse().Select(kv => (kv.Key, kv.Value)).ToArray();
        var expectedAsks = asks.Select(kv => (kv.Key, kv.Value)).ToArray();
        Enumerable.Range(0, book.BidLevelCount).Select(i => (book.Bid(i).Price.Raw, book.Bid(i).Size.Raw)).ShouldBe(expectedBids);
        Enumerable.Range(0, book.AskLevelCount).Select(i => (book.Ask(i).Price.Raw, book.Ask(i).Size.Raw)).ShouldBe(expectedAsks);
    }

    [Fact]
    public void A_delta_for_another_instrument_or_without_a_side_is_refused()
    {
        var book = new OrderBook(Btc);
        var eth = InstrumentId.Perpetual("ETH");
        Should.Throw<ArgumentException>(() => book.Apply(OrderBookDelta.Clear(eth, 1, 0, 0))).Message.ShouldContain("ETH");
        Should.Throw<ArgumentOutOfRangeException>(() =>
            book.Apply(new OrderBookDelta(Btc, BookAction.Add, new BookOrder(OrderSide.NoOrderSide, Price.Parse("1"), Quantity.Parse("1"), 0), 0, 1, 0, 0)));
    }

    [Fact]
    public void Reading_the_best_level_out_of_range_names_the_depth()
    {
        var book = new OrderBook(Btc);
        Should.Throw<ArgumentOutOfRangeException>(() => book.Bid(0)).ParamName.ShouldBe("depth");
    }
}
