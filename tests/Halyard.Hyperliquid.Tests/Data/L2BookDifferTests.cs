using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Data;
using WireLevel = Halyard.Hyperliquid.Wire.Push.BookLevel;

namespace Halyard.Hyperliquid.Tests.Data;

public class L2BookDifferTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private readonly L2BookDiffer _differ = new(Btc, pricePrecision: 1, sizePrecision: 5);
    private readonly List<OrderBookDelta> _out = [];

    [Fact]
    public void Later_pushes_are_real_diffs_add_update_delete_per_level_with_last_only_on_the_final_delta()
    {
        Apply(bids: [("100.0", "1"), ("99.0", "2"), ("98.0", "3")], asks: [("101.0", "1"), ("102.0", "2")]);
        _out.Clear();
        Apply(bids: [("100.5", "4"), ("100.0", "1"), ("98.0", "5")], asks: [("101.0", "1"), ("102.0", "2"), ("103.0", "6")]);

        _out.Select(d => $"{d.Action} {d.Order.Side} {d.Order.Price} {d.Order.Size}").ShouldBe([
            "Add Buy 100.5 4.00000",
            "Delete Buy 99.0 0.00000",
            "Update Buy 98.0 5.00000",
            "Add Sell 103.0 6.00000",
        ]);
        _out.Take(3).ShouldAllBe(d => d.Flags == RecordFlags.None);
        _out[3].Flags.ShouldBe(RecordFlags.Last);
        _out.ShouldAllBe(d => d.Sequence == 2 && d.TsEvent == 1000 && d.TsInit == 2000);
    }

    [Fact]
    public void The_first_push_is_a_snapshot_a_clear_then_adds_all_flagged_snapshot()
    {
        Apply(bids: [("100.0", "1")], asks: [("101.0", "2")]).ShouldBe(3);
        _out.Select(d => (d.Action, d.Flags)).ShouldBe([
            (BookAction.Clear, RecordFlags.Snapshot),
            (BookAction.Add, RecordFlags.Snapshot),
            (BookAction.Add, RecordFlags.Snapshot | RecordFlags.Last),
        ]);
        _differ.HasSnapshot.ShouldBeTrue();
    }

    [Fact]
    public void Unchanged_book_yields_no_deltas_and_keeps_the_sequence()
    {
        Apply(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        Apply(bids: [("100.0", "1")], asks: [("101.0", "1")]).ShouldBe(0);
        _out.Clear();
        Apply(bids: [("100.0", "2")], asks: [("101.0", "1")]);
        _out.ShouldHaveSingleItem().Sequence.ShouldBe(2UL);
    }

    [Fact]
    public void Empty_snapshot_is_a_single_clear_marked_last()
    {
        Apply(bids: [], asks: []);
        OrderBookDelta only = _out.ShouldHaveSingleItem();
        only.Action.ShouldBe(BookAction.Clear);
        only.Flags.ShouldBe(RecordFlags.Snapshot | RecordFlags.Last);
    }

    [Fact]
    public void Reset_makes_the_next_push_a_snapshot()
    {
        Apply(bids: [("100.0", "1")], asks: [("101.0", "1")]);
        _differ.Reset();
        _out.Clear();
        Apply(bids: [("100.0", "1")], asks: [("101.0", "1")]).ShouldBe(3);
        _out[0].Action.ShouldBe(BookAction.Clear);
    }

    [Fact]
    public void Unsorted_sides_and_empty_levels_are_normalised_before_diffing()
    {
        Apply(bids: [("99.0", "1"), ("100.0", "2"), ("98.0", "0")], asks: [("102.0", "1"), ("101.0", "1")]);
        _differ.Bids.ToArray().Select(l => l.Price.ToString()).ShouldBe(["100.0", "99.0"]);
        _differ.Asks.ToArray().Select(l => l.Price.ToString()).ShouldBe(["101.0", "102.0"]);
    }

    [Fact]
    public void A_core_order_book_fed_every_update_equals_the_latest_venue_book()
    {
        var rng = new Random(11);
        var book = new OrderBook(Btc, 1, 5);
        for (int round = 0; round < 300; round++)
        {
            var bids = RandomSide(rng, 1000, descending: true);
            var asks = RandomSide(rng, 1100, descending: false);
            _out.Clear();
            if (Apply(bids, asks) > 0) book.Apply(new OrderBookDeltas(Btc, _out.ToArray()));
            Levels(book, bid: true).ShouldBe(bids.Select(l => (Price.Parse(l.Px).Raw, Quantity.Parse(l.Sz).Raw)), $"round {round}");
            Levels(book, bid: false).ShouldBe(asks.Select(l => (Price.Parse(l.Px).Raw, Quantity.Parse(l.Sz).Raw)), $"round {round}");
            if (round == 150) _differ.Reset(); // a resync mid-stream must leave the same book
        }
    }

    private static IEnumerable<(long, long)> Levels(OrderBook book, bool bid)
    {
        var levels = new Halyard.Core.Data.BookLevel[64];
        int n = bid ? book.CopyBids(levels) : book.CopyAsks(levels);
        return levels.Take(n).Select(l => (l.Price.Raw, l.Size.Raw)).ToList();
    }

    private int Apply((string Px, string Sz)[] bids, (string Px, string Sz)[] asks) =>
        _differ.Apply(ToLevels(bids), ToLevels(asks), tsEvent: 1000, tsInit: 2000, _out);

    private static WireLevel[] ToLevels((string Px, string Sz)[] levels) =>
        levels.Select(l => new WireLevel(Price.Parse(l.Px).Raw, Quantity.Parse(l.Sz).Raw, 1, 1, 5)).ToArray();

    private static (string Px, string Sz)[] RandomSide(Random rng, int around, bool descending)
    {
        var prices = Enumerable.Range(0, 12).Select(k => around + (descending ? -k : k)).Where(_ => rng.Next(3) > 0).ToArray();
        return prices.Select(p => ($"{p}.0", $"{rng.Next(1, 4)}")).ToArray();
    }
}
