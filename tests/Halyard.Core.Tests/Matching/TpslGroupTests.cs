using Halyard.Core.Matching;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Matching.MatchingFixture;

namespace Halyard.Core.Tests.Matching;

public class TpslGroupTests
{
    private static MatchingOrder Parent(decimal px, MatchingTif tif = MatchingTif.Gtc) =>
        new(Alice, Coin, OrderSide.Buy, Raw(px), Raw(1m), tif);

    private static MatchingOrder[] Children() =>
    [
        new(Alice, Coin, OrderSide.Sell, Raw(2200m), Raw(1m), MatchingTif.Gtc, true, null, new OrderTrigger(Raw(2200m), false, TpSl.Tp)),
        new(Alice, Coin, OrderSide.Sell, Raw(1700m), Raw(1m), MatchingTif.Gtc, true, null, new OrderTrigger(Raw(1800m), true, TpSl.Sl)),
    ];

    [Fact]
    public void Children_wait_for_the_parent_to_fill_then_the_stop_fill_cancels_the_take_profit()
    {
        var f = new MatchingFixture();
        PlaceResult[] results = f.Engine.PlaceNormalTpsl(Parent(2000m), Children(), f.Tick());

        results.Select(r => r.Outcome).ShouldBe([PlaceOutcome.Resting, PlaceOutcome.WaitingForFill, PlaceOutcome.WaitingForFill]);
        f.Engine.OpenOrderCount(Alice).ShouldBe(1);
        var pending = new List<OpenOrder>();
        f.Engine.CopyPendingChildren(results[0].Oid, pending);
        pending.Count.ShouldBe(2);

        f.Sell(Bob, 2000m, 1m);                       // parent fills: children go live
        f.Szi(Alice).ShouldBe(1m);
        f.Engine.OpenOrderCount(Alice).ShouldBe(2);
        var open = new List<OpenOrder>();
        f.Engine.CopyOpenOrders(Alice, open);
        open.ShouldAllBe(o => o.Trigger != null && o.Oid > results[0].Oid);

        f.Buy(Carol, 1790m, 1m);
        TriggeredOrder stop = f.Mark(1800m).ShouldHaveSingleItem();
        stop.Result.Outcome.ShouldBe(PlaceOutcome.Filled);

        f.Szi(Alice).ShouldBe(0m);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
        f.Log.Updates.ShouldContain(u => u.Status == OrderUpdateStatus.SiblingFilledCanceled && u.Order.Trigger!.Value.Kind == TpSl.Tp);
    }

    [Fact]
    public void Children_of_a_parent_filled_at_once_go_live_and_the_take_profit_fill_cancels_the_stop()
    {
        var f = new MatchingFixture();
        f.Sell(Bob, 2000m, 1m);
        PlaceResult[] results = f.Engine.PlaceNormalTpsl(Parent(2000m, MatchingTif.Ioc), Children(), f.Tick());
        results.Select(r => r.Outcome).ShouldBe([PlaceOutcome.Filled, PlaceOutcome.WaitingForTrigger, PlaceOutcome.WaitingForTrigger]);
        f.Engine.OpenOrderCount(Alice).ShouldBe(2);

        f.Buy(Carol, 2210m, 1m);
        TriggeredOrder takeProfit = f.Mark(2200m).ShouldHaveSingleItem();
        takeProfit.Result.Outcome.ShouldBe(PlaceOutcome.Filled);

        f.Szi(Alice).ShouldBe(0m);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
        f.Log.Updates.ShouldContain(u => u.Status == OrderUpdateStatus.SiblingFilledCanceled && u.Order.Trigger!.Value.Kind == TpSl.Sl);
    }

    [Fact]
    public void Cancelling_the_parent_discards_its_waiting_children()
    {
        var f = new MatchingFixture();
        PlaceResult[] results = f.Engine.PlaceNormalTpsl(Parent(2000m), Children(), f.Tick());
        f.Engine.Cancel(Alice, Coin, results[0].Oid, f.Tick()).IsSuccess.ShouldBeTrue();

        var pending = new List<OpenOrder>();
        f.Engine.CopyPendingChildren(results[0].Oid, pending);
        pending.ShouldBeEmpty();
        f.Sell(Bob, 2000m, 1m);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
        f.Mark(1700m).ShouldBeEmpty();
    }

    [Fact]
    public void Parent_that_fills_at_once_places_its_children_as_trigger_orders()
    {
        var f = new MatchingFixture();
        f.Sell(Bob, 2000m, 1m);
        PlaceResult[] results = f.Engine.PlaceNormalTpsl(Parent(2000m, MatchingTif.Ioc), Children(), f.Tick());

        results[0].Outcome.ShouldBe(PlaceOutcome.Filled);
        results[1].Outcome.ShouldBe(PlaceOutcome.WaitingForTrigger);
        results[2].Outcome.ShouldBe(PlaceOutcome.WaitingForTrigger);
        results[2].Oid.ShouldBe(results[1].Oid + 1);
        f.Engine.OpenOrderCount(Alice).ShouldBe(2);
    }

    [Fact]
    public void Children_that_are_not_reduce_only_triggers_reject_the_whole_group()
    {
        var f = new MatchingFixture();
        MatchingOrder[] children = Children();
        children[0] = children[0] with { ReduceOnly = false };

        PlaceResult[] results = f.Engine.PlaceNormalTpsl(Parent(2000m), children, f.Tick());

        results.ShouldAllBe(r => r.Error == MatchingErrors.InvalidTpslChild);
        f.Engine.OpenOrderCount(Alice).ShouldBe(0);
    }
}
