using Halyard.Core.Matching;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Matching.MatchingFixture;

namespace Halyard.Core.Tests.Matching;

public class OrderMatchingTests
{
    [Fact]
    public void Limit_order_rests_then_fills_when_a_crossing_order_arrives()
    {
        var f = new MatchingFixture();
        PlaceResult resting = f.Sell(Alice, 2000m, 1m);
        resting.Outcome.ShouldBe(PlaceOutcome.Resting);

        PlaceResult taker = f.Buy(Bob, 2001m, 1m);

        taker.Outcome.ShouldBe(PlaceOutcome.Filled);
        D(taker.TotalSzRaw).ShouldBe(1m);
        taker.AvgPx.ShouldBe(2000m); // at the maker's price
        f.Log.Fills.Count.ShouldBe(1);
        Fill fill = f.Log.Fills[0];
        fill.MakerOid.ShouldBe(resting.Oid);
        fill.TakerOid.ShouldBe(taker.Oid);
        fill.MakerAccount.ShouldBe(Alice);
        fill.TakerAccount.ShouldBe(Bob);
        fill.TakerSide.ShouldBe(OrderSide.Buy);
        f.Levels(OrderSide.Sell).ShouldBeEmpty();
        f.Szi(Bob).ShouldBe(1m);
        f.Szi(Alice).ShouldBe(-1m);
    }

    [Fact]
    public void Partial_fill_leaves_the_maker_remainder_on_the_book()
    {
        var f = new MatchingFixture();
        PlaceResult maker = f.Sell(Alice, 2000m, 2.5m);
        f.Buy(Bob, 2000m, 1m).Outcome.ShouldBe(PlaceOutcome.Filled);

        MatchingBookLevel level = f.Levels(OrderSide.Sell).ShouldHaveSingleItem();
        D(level.SzRaw).ShouldBe(1.5m);
        level.Count.ShouldBe(1);
        f.Engine.TryGetOrder(maker.Oid, out OpenOrder open).ShouldBeTrue();
        D(open.SzRaw).ShouldBe(1.5m);
        D(open.OrigSzRaw).ShouldBe(2.5m);
    }

    [Fact]
    public void Taker_sweeps_levels_best_first_and_rests_its_remainder()
    {
        var f = new MatchingFixture();
        f.Sell(Alice, 2002m, 1m);
        f.Sell(Alice, 2000m, 1m);
        f.Sell(Alice, 2001m, 1m);

        PlaceResult taker = f.Buy(Bob, 2001m, 3m);

        taker.Outcome.ShouldBe(PlaceOutcome.Resting); // partly filled GTC answers resting
        f.Log.Fills.Select(x => D(x.PxRaw)).ShouldBe([2000m, 2001m]);
        MatchingBookLevel bid = f.Levels(OrderSide.Buy).ShouldHaveSingleItem();
        D(bid.PxRaw).ShouldBe(2001m);
        D(bid.SzRaw).ShouldBe(1m);
        D(f.Levels(OrderSide.Sell).ShouldHaveSingleItem().PxRaw).ShouldBe(2002m);
    }

    [Fact]
    public void Orders_at_one_price_fill_in_time_priority()
    {
        var f = new MatchingFixture();
        PlaceResult first = f.Sell(Alice, 2000m, 1m);
        PlaceResult second = f.Sell(Carol, 2000m, 1m);
        PlaceResult third = f.Sell(Alice, 2000m, 1m);

        f.Buy(Bob, 2000m, 1.5m);

        f.Log.Fills.Select(x => x.MakerOid).ShouldBe([first.Oid, second.Oid]);
        D(f.Log.Fills[1].SzRaw).ShouldBe(0.5m);
        var orders = new List<OpenOrder>();
        f.Engine.GetBook(Coin).CopyOrders(OrderSide.Sell, orders);
        orders.Select(o => o.Oid).ShouldBe([second.Oid, third.Oid]);
    }

    [Fact]
    public void L2_levels_aggregate_size_and_order_count_best_first()
    {
        var f = new MatchingFixture();
        f.Buy(Alice, 1999m, 1m);
        f.Buy(Carol, 1999m, 2m);
        f.Buy(Alice, 1998.5m, 0.5m);
        f.Sell(Bob, 2001m, 1m);
        f.Sell(Bob, 2003m, 1m);

        f.Levels(OrderSide.Buy).ShouldBe([new MatchingBookLevel(Raw(1999m), Raw(3m), 2), new MatchingBookLevel(Raw(1998.5m), Raw(0.5m), 1)]);
        f.Levels(OrderSide.Sell).ShouldBe([new MatchingBookLevel(Raw(2001m), Raw(1m), 1), new MatchingBookLevel(Raw(2003m), Raw(1m), 1)]);
        f.Levels(OrderSide.Buy, depth: 1).Length.ShouldBe(1);
        f.Engine.GetBook(Coin).Mid.ShouldBe(2000m);
    }

    [Fact]
    public void Ioc_fills_what_crosses_and_cancels_the_rest()
    {
        var f = new MatchingFixture();
        f.Sell(Alice, 2000m, 1m);

        PlaceResult ioc = f.Buy(Bob, 2000m, 3m, MatchingTif.Ioc);

        ioc.Outcome.ShouldBe(PlaceOutcome.Filled);
        D(ioc.TotalSzRaw).ShouldBe(1m);
        f.Levels(OrderSide.Buy).ShouldBeEmpty();
        f.Log.Updates.Last().Status.ShouldBe(OrderUpdateStatus.Canceled);
        f.Log.Updates.Last().Order.Oid.ShouldBe(ioc.Oid);
    }

    [Fact]
    public void Ioc_that_matches_nothing_is_rejected_with_the_exchange_message()
    {
        var f = new MatchingFixture();
        f.Sell(Alice, 2000m, 1m);

        PlaceResult ioc = f.Buy(Bob, 1999m, 1m, MatchingTif.Ioc);

        ioc.Error.ShouldBe("Order could not immediately match against any resting orders.");
        f.Levels(OrderSide.Buy).ShouldBeEmpty();
    }

    [Fact]
    public void Post_only_order_that_would_cross_is_rejected_with_the_bbo()
    {
        var f = new MatchingFixture();
        f.Buy(Alice, 1891.3m, 1m);
        f.Sell(Alice, 1891.4m, 1m);

        f.Buy(Bob, 1891.4m, 1m, MatchingTif.Alo).Error
            .ShouldBe("Post only order would have immediately matched, bbo was 1891.3@1891.4.");
        f.Sell(Bob, 1891.3m, 1m, MatchingTif.Alo).Error
            .ShouldBe("Post only order would have immediately matched, bbo was 1891.3@1891.4.");
        f.Buy(Bob, 1891.3m, 1m, MatchingTif.Alo).Outcome.ShouldBe(PlaceOutcome.Resting);
        f.Log.Fills.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2000.123, 1, "Price must be divisible by tick size.")]   // more decimals than the tick
    [InlineData(2000.15, 1, "Price must be divisible by tick size.")]    // 6 significant figures
    [InlineData(2000, 0.00001, "Order has invalid size.")]               // below the lot
    [InlineData(2000, 0.004, "Order must have minimum value of $10.")]   // 8 USD
    public void Invalid_orders_are_rejected_with_the_exchange_messages(double px, double sz, string message)
    {
        var f = new MatchingFixture();
        f.Buy(Alice, (decimal)px, (decimal)sz).Error.ShouldBe(message);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }

    [Fact]
    public void Unknown_coin_is_rejected_not_thrown()
    {
        var f = new MatchingFixture();
        f.Engine.Place(new MatchingOrder(Alice, "DOGE", OrderSide.Buy, Raw(1m), Raw(100m)), f.Tick()).Error.ShouldBe("Unknown coin DOGE.");
    }

    [Fact]
    public void Cancel_by_oid_and_by_cloid_removes_the_order_and_a_second_cancel_fails()
    {
        var f = new MatchingFixture();
        PlaceResult a = f.Buy(Alice, 1990m, 1m);
        PlaceResult b = f.Buy(Alice, 1990m, 1m, cloid: "0x00000000000000000000000000000001");
        b.Cloid.ShouldBe("0x00000000000000000000000000000001");

        f.Engine.Cancel(Alice, Coin, a.Oid, f.Tick()).IsSuccess.ShouldBeTrue();
        f.Engine.CancelByCloid(Alice, Coin, "0x00000000000000000000000000000001", f.Tick()).IsSuccess.ShouldBeTrue();

        f.Engine.Cancel(Alice, Coin, a.Oid, f.Tick()).Error.ShouldBe("Order was never placed, already canceled, or filled.");
        f.Engine.CancelByCloid(Alice, Coin, "0x00000000000000000000000000000001", f.Tick()).Error
            .ShouldBe("Order was never placed, already canceled, or filled.");
        f.Engine.Cancel(Alice, Coin, 999_999, f.Tick()).IsSuccess.ShouldBeFalse();
        f.Levels(OrderSide.Buy).ShouldBeEmpty();
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }

    [Fact]
    public void Another_account_cannot_cancel_an_order()
    {
        var f = new MatchingFixture();
        PlaceResult a = f.Buy(Alice, 1990m, 1m);
        f.Engine.Cancel(Bob, Coin, a.Oid, f.Tick()).IsSuccess.ShouldBeFalse();
        f.Levels(OrderSide.Buy).ShouldHaveSingleItem();
    }

    [Fact]
    public void Modify_gives_a_new_oid_keeps_the_cloid_and_loses_time_priority()
    {
        var f = new MatchingFixture();
        const string cloid = "0x000000000000000000000000000000aa";
        PlaceResult original = f.Sell(Alice, 2000m, 1m, cloid: cloid);
        PlaceResult other = f.Sell(Carol, 2000m, 1m);

        PlaceResult modified = f.Engine.Modify(Alice, original.Oid,
            new MatchingOrder(Alice, Coin, OrderSide.Sell, Raw(2000m), Raw(2m)), f.Tick());

        modified.Outcome.ShouldBe(PlaceOutcome.Resting);
        modified.Oid.ShouldNotBe(original.Oid);
        modified.Cloid.ShouldBe(cloid);
        f.Engine.TryGetOrder(original.Oid, out _).ShouldBeFalse();
        f.Engine.TryGetOrderByCloid(Alice, cloid, out OpenOrder byCloid).ShouldBeTrue();
        byCloid.Oid.ShouldBe(modified.Oid);
        D(byCloid.SzRaw).ShouldBe(2m);

        f.Buy(Bob, 2000m, 1m);
        f.Log.Fills.ShouldHaveSingleItem().MakerOid.ShouldBe(other.Oid); // Carol is now first in the queue
    }

    [Fact]
    public void Modify_of_an_unknown_order_or_to_an_invalid_price_leaves_things_unchanged()
    {
        var f = new MatchingFixture();
        PlaceResult original = f.Sell(Alice, 2000m, 1m);
        f.Engine.Modify(Alice, 12345, new MatchingOrder(Alice, Coin, OrderSide.Sell, Raw(2000m), Raw(1m)), f.Tick())
            .Error.ShouldBe("Cannot modify canceled or filled order");
        f.Engine.Modify(Alice, original.Oid, new MatchingOrder(Alice, Coin, OrderSide.Sell, Raw(2000.001m), Raw(1m)), f.Tick())
            .Error.ShouldBe("Price must be divisible by tick size.");
        f.Engine.TryGetOrder(original.Oid, out _).ShouldBeTrue();
    }

    [Fact]
    public void Self_trade_cancels_the_resting_order_and_the_taker_continues()
    {
        var f = new MatchingFixture();
        PlaceResult own = f.Sell(Alice, 2000m, 1m);
        PlaceResult carol = f.Sell(Carol, 2000m, 1m);

        PlaceResult taker = f.Buy(Alice, 2000m, 1m);

        taker.Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Log.Fills.ShouldHaveSingleItem().MakerOid.ShouldBe(carol.Oid);
        f.Log.Updates.ShouldContain(u => u.Order.Oid == own.Oid && u.Status == OrderUpdateStatus.SelfTradeCanceled);
        f.Engine.TryGetOrder(own.Oid, out _).ShouldBeFalse();
        f.Levels(OrderSide.Sell).ShouldBeEmpty();
    }

    [Fact]
    public void Cancel_all_cancels_every_order_of_the_account_with_the_scheduled_cancel_status()
    {
        var f = new MatchingFixture();
        f.Buy(Alice, 1990m, 1m);
        f.Sell(Alice, 2010m, 1m);
        f.Trigger(Alice, OrderSide.Sell, 1900m, 1m, 1950m, TpSl.Sl, isMarket: true, reduceOnly: false);
        PlaceResult carol = f.Buy(Carol, 1990m, 1m);

        f.Engine.CancelAll(Alice, f.Tick()).ShouldBe(3);

        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
        f.Log.Updates.Count(u => u.Status == OrderUpdateStatus.ScheduledCancel).ShouldBe(3);
        MatchingBookLevel bid = f.Levels(OrderSide.Buy).ShouldHaveSingleItem();
        bid.Count.ShouldBe(1);
        f.Engine.TryGetOrder(carol.Oid, out _).ShouldBeTrue();
        f.Levels(OrderSide.Sell).ShouldBeEmpty();
    }

    [Fact]
    public void Open_order_limit_per_account_is_enforced()
    {
        var f = new MatchingFixture(options: new MatchingOptions { MaxOpenOrdersPerAccount = 3 });
        for (int i = 0; i < 3; i++) f.Buy(Alice, 1990m - i, 1m).Outcome.ShouldBe(PlaceOutcome.Resting);
        f.Buy(Alice, 1980m, 1m).Error.ShouldBe("Too many open orders.");
        f.Buy(Bob, 1980m, 1m).Outcome.ShouldBe(PlaceOutcome.Resting);
    }

    [Fact]
    public void Duplicate_cloid_among_open_orders_is_rejected()
    {
        var f = new MatchingFixture();
        f.Buy(Alice, 1990m, 1m, cloid: "0x01").Outcome.ShouldBe(PlaceOutcome.Resting);
        f.Buy(Alice, 1991m, 1m, cloid: "0x01").Error.ShouldBe("Duplicate cloid.");
        f.Buy(Bob, 1991m, 1m, cloid: "0x01").Outcome.ShouldBe(PlaceOutcome.Resting);
    }

    [Fact]
    public void Order_updates_report_open_and_filled_for_both_sides()
    {
        var f = new MatchingFixture();
        PlaceResult maker = f.Sell(Alice, 2000m, 1m);
        PlaceResult taker = f.Buy(Bob, 2000m, 1m);

        f.Log.Updates.Select(u => (u.Order.Oid, u.Status)).ShouldBe(
        [
            (maker.Oid, OrderUpdateStatus.Open),
            (maker.Oid, OrderUpdateStatus.Filled),
            (taker.Oid, OrderUpdateStatus.Filled),
        ]);
    }

    [Fact]
    public void Post_only_message_names_a_missing_side_none()
    {
        var f = new MatchingFixture();
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m, MatchingTif.Alo).Error.ShouldBe("Post only order would have immediately matched, bbo was None@2000.");
    }

    [Fact]
    public void Cancelled_order_releases_its_margin_for_new_orders()
    {
        var f = new MatchingFixture();
        f.Engine.Ledger.Deposit("0xdave", 100m);
        PlaceResult first = f.Engine.Place(new MatchingOrder("0xdave", Coin, OrderSide.Buy, Raw(2000m), Raw(1m)), f.Tick());
        f.Engine.Place(new MatchingOrder("0xdave", Coin, OrderSide.Buy, Raw(1990m), Raw(1m)), f.Tick()).IsError.ShouldBeTrue();
        f.Engine.Cancel("0xdave", Coin, first.Oid, f.Tick()).IsSuccess.ShouldBeTrue();
        f.Engine.Place(new MatchingOrder("0xdave", Coin, OrderSide.Buy, Raw(1990m), Raw(1m)), f.Tick()).Outcome.ShouldBe(PlaceOutcome.Resting);
    }

    [Fact]
    public void Oids_and_trade_ids_start_where_the_options_say_and_increase_by_one()
    {
        var f = new MatchingFixture(options: new MatchingOptions { FirstOid = 77_738_308, FirstTradeId = 500 });
        f.Sell(Alice, 2000m, 1m).Oid.ShouldBe(77_738_308);
        f.Buy(Bob, 2000m, 0.5m).Oid.ShouldBe(77_738_309);
        f.Buy(Bob, 2000m, 0.5m);
        f.Log.Fills.Select(x => x.TradeId).ShouldBe([500L, 501L]);
    }
}
