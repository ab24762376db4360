using Halyard.Core.Matching;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Matching.MatchingFixture;

namespace Halyard.Core.Tests.Matching;

public class ReduceOnlyAndTriggerTests
{
    /// <summary>Alice ends long 1 ETH at 2000 (Bob short 1).</summary>
    private static MatchingFixture AliceLongOne()
    {
        var f = new MatchingFixture();
        f.Sell(Bob, 2000m, 1m);
        f.Buy(Alice, 2000m, 1m).Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Log.Clear();
        return f;
    }

    [Fact]
    public void Reduce_only_order_without_a_position_is_rejected()
    {
        var f = new MatchingFixture();
        f.Sell(Alice, 2000m, 1m, reduceOnly: true).Error.ShouldBe("Reduce only order would increase position.");
    }

    [Fact]
    public void Reduce_only_order_in_the_direction_of_the_position_is_rejected()
    {
        var f = AliceLongOne();
        f.Buy(Alice, 1990m, 1m, reduceOnly: true).Error.ShouldBe("Reduce only order would increase position.");
    }

    [Fact]
    public void Reduce_only_order_is_clamped_to_the_position_size()
    {
        var f = AliceLongOne();
        PlaceResult ro = f.Sell(Alice, 2010m, 3m, reduceOnly: true);
        ro.Outcome.ShouldBe(PlaceOutcome.Resting);
        f.Engine.TryGetOrder(ro.Oid, out OpenOrder open).ShouldBeTrue();
        D(open.SzRaw).ShouldBe(1m);
        D(open.OrigSzRaw).ShouldBe(1m);

        f.Buy(Carol, 2010m, 2m);
        f.Szi(Alice).ShouldBe(0m); // never flipped short
        D(f.Log.Fills.ShouldHaveSingleItem().SzRaw).ShouldBe(1m);
    }

    [Fact]
    public void Reduce_only_taker_stops_at_a_flat_position()
    {
        var f = AliceLongOne();
        f.Buy(Carol, 1995m, 5m);
        PlaceResult ro = f.Sell(Alice, 1995m, 4m, reduceOnly: true);
        ro.Outcome.ShouldBe(PlaceOutcome.Filled);
        D(ro.TotalSzRaw).ShouldBe(1m);
        f.Szi(Alice).ShouldBe(0m);
    }

    [Fact]
    public void Resting_reduce_only_order_is_cancelled_when_its_position_is_gone()
    {
        var f = AliceLongOne();
        PlaceResult ro = f.Sell(Alice, 2050m, 1m, reduceOnly: true);
        f.Buy(Carol, 1990m, 1m);
        f.Sell(Alice, 1990m, 1m); // closes the position elsewhere
        f.Szi(Alice).ShouldBe(0m);

        f.Buy(Bob, 2050m, 1m).Outcome.ShouldBe(PlaceOutcome.Resting); // nothing to match

        f.Log.Updates.ShouldContain(u => u.Order.Oid == ro.Oid && u.Status == OrderUpdateStatus.ReduceOnlyCanceled);
        f.Szi(Alice).ShouldBe(0m);
    }

    [Fact]
    public void Stop_market_waits_then_fires_when_the_mark_falls_to_its_trigger()
    {
        var f = AliceLongOne();
        PlaceResult stop = f.Trigger(Alice, OrderSide.Sell, 1800m, 1m, 1900m, TpSl.Sl, isMarket: true);
        stop.Outcome.ShouldBe(PlaceOutcome.WaitingForTrigger);
        f.Buy(Carol, 1890m, 1m);

        f.Mark(1950m).ShouldBeEmpty();
        f.Szi(Alice).ShouldBe(1m);

        TriggeredOrder fired = f.Mark(1900m).ShouldHaveSingleItem();

        fired.Order.Oid.ShouldBe(stop.Oid);
        fired.Result.Outcome.ShouldBe(PlaceOutcome.Filled);
        fired.Result.AvgPx.ShouldBe(1890m);
        f.Szi(Alice).ShouldBe(0m);
        f.Log.Updates.Where(u => u.Order.Oid == stop.Oid).Select(u => u.Status)
            .ShouldBe([OrderUpdateStatus.Open, OrderUpdateStatus.Triggered, OrderUpdateStatus.Filled]);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }

    [Fact]
    public void Market_trigger_respects_its_limit_price_as_slippage_bound()
    {
        var f = AliceLongOne();
        f.Trigger(Alice, OrderSide.Sell, 1880m, 1m, 1900m, TpSl.Sl, isMarket: true);
        f.Buy(Carol, 1870m, 1m); // below the bound

        TriggeredOrder fired = f.Mark(1899m).ShouldHaveSingleItem();

        fired.Result.Error.ShouldBe("Order could not immediately match against any resting orders.");
        f.Log.Updates.Last().Status.ShouldBe(OrderUpdateStatus.Canceled);
        f.Szi(Alice).ShouldBe(1m);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }

    [Fact]
    public void Take_profit_limit_rests_on_the_book_after_the_mark_rises_to_its_trigger()
    {
        var f = AliceLongOne();
        PlaceResult tp = f.Trigger(Alice, OrderSide.Sell, 2100m, 1m, 2090m, TpSl.Tp, isMarket: false);

        f.Mark(2089m).ShouldBeEmpty();
        TriggeredOrder fired = f.Mark(2095m).ShouldHaveSingleItem();

        fired.Result.Outcome.ShouldBe(PlaceOutcome.Resting);
        fired.Result.Oid.ShouldBe(tp.Oid);
        f.Engine.TryGetOrder(tp.Oid, out OpenOrder open).ShouldBeTrue();
        open.IsTriggered.ShouldBeTrue();
        f.Levels(OrderSide.Sell).ShouldHaveSingleItem().PxRaw.ShouldBe(Raw(2100m));
        f.Engine.Cancel(Alice, Coin, tp.Oid, f.Tick()).IsSuccess.ShouldBeTrue();
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }

    [Fact]
    public void Buy_stop_fires_on_a_rising_mark_and_buy_take_profit_on_a_falling_one()
    {
        var f = new MatchingFixture();
        PlaceResult buyStop = f.Trigger(Alice, OrderSide.Buy, 2200m, 1m, 2100m, TpSl.Sl, isMarket: false, reduceOnly: false);
        PlaceResult buyTp = f.Trigger(Alice, OrderSide.Buy, 1800m, 1m, 1900m, TpSl.Tp, isMarket: false, reduceOnly: false);

        f.Mark(2000m).ShouldBeEmpty();
        f.Mark(2100m).ShouldHaveSingleItem().Order.Oid.ShouldBe(buyStop.Oid);
        f.Mark(1900m).ShouldHaveSingleItem().Order.Oid.ShouldBe(buyTp.Oid);
    }

    [Fact]
    public void Triggers_firing_together_run_in_placement_order()
    {
        var f = AliceLongOne();
        PlaceResult first = f.Trigger(Alice, OrderSide.Sell, 1800m, 0.5m, 1900m, TpSl.Sl, isMarket: true);
        PlaceResult second = f.Trigger(Alice, OrderSide.Sell, 1800m, 0.5m, 1950m, TpSl.Sl, isMarket: true);
        f.Buy(Carol, 1850m, 2m);

        f.Mark(1850m).Select(t => t.Order.Oid).ShouldBe([first.Oid, second.Oid]);
        f.Szi(Alice).ShouldBe(0m);
    }

    [Fact]
    public void Reduce_only_trigger_without_a_position_is_cancelled_when_it_fires()
    {
        var f = new MatchingFixture();
        PlaceResult stop = f.Trigger(Alice, OrderSide.Sell, 1800m, 1m, 1900m, TpSl.Sl, isMarket: true);
        TriggeredOrder fired = f.Mark(1850m).ShouldHaveSingleItem();
        fired.Result.Error.ShouldBe("Reduce only order would increase position.");
        f.Log.Updates.Last().ShouldSatisfyAllConditions(
            u => u.Order.Oid.ShouldBe(stop.Oid),
            u => u.Status.ShouldBe(OrderUpdateStatus.ReduceOnlyCanceled));
    }

    [Fact]
    public void Waiting_trigger_order_can_be_cancelled_and_then_never_fires()
    {
        var f = AliceLongOne();
        PlaceResult stop = f.Trigger(Alice, OrderSide.Sell, 1800m, 1m, 1900m, TpSl.Sl, isMarket: true);
        f.Engine.Cancel(Alice, Coin, stop.Oid, f.Tick()).IsSuccess.ShouldBeTrue();
        f.Mark(1000m).ShouldBeEmpty();
    }

    [Fact]
    public void Trigger_price_off_tick_is_rejected()
    {
        var f = AliceLongOne();
        f.Trigger(Alice, OrderSide.Sell, 1800m, 1m, 1900.001m, TpSl.Sl, isMarket: true).Error.ShouldBe("Invalid TP/SL price.");
    }
}
