using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Orders;

public class OrderApplyTests
{
    private readonly Order _order = TestOrders.Order("1.0");
    private readonly OrderEvents _events;

    public OrderApplyTests() => _events = new OrderEvents(_order);

    private void ApplyAll(params IOrderEvent[] events)
    {
        foreach (var e in events) _order.Apply(e).IsApplied.ShouldBeTrue($"{e.GetType().Name}");
    }

    [Fact]
    public void Order_walks_through_submit_accept_partial_fill_and_fill()
    {
        ApplyAll(_events.Submitted(), _events.Accepted("V-7"));
        _order.Status.ShouldBe(OrderStatus.Accepted);
        _order.VenueOrderId.ShouldBe(new VenueOrderId("V-7"));
        _order.AccountId.ShouldBe(OrderEvents.Account);
        _order.IsOpen.ShouldBeTrue();

        // 0.4 @ 100 then 0.6 @ 101: avg = (40 + 60.6) / 1.0 = 100.6
        var r = _order.Apply(_events.Filled("0.4", "100", "T1", commission: 0.02m));
        r.ShouldBe(new OrderTransitionResult(OrderTransitionOutcome.Applied, OrderStatus.Accepted, OrderStatus.PartiallyFilled, null));
        _order.FilledQty.ShouldBe(Quantity.Parse("0.4"));
        _order.LeavesQty.ShouldBe(Quantity.Parse("0.6"));
        _order.AvgPx.ShouldBe(100m);

        _order.Apply(_events.Filled("0.6", "101", "T2", commission: 0.03m)).After.ShouldBe(OrderStatus.Filled);
        _order.FilledQty.ShouldBe(Quantity.Parse("1.0"));
        _order.LeavesQty.IsZero.ShouldBeTrue();
        _order.AvgPx.ShouldBe(100.6m);
        _order.Commissions[Currency.Usdc].ShouldBe(0.05m);
        _order.IsClosed.ShouldBeTrue();
        _order.Events.Count.ShouldBe(5);
        _order.TsLast.ShouldBe(_order.Events[^1].TsEvent);
    }

    [Fact]
    public void Average_price_is_exact_for_uneven_fills()
    {
        ApplyAll(_events.Submitted(), _events.Accepted());
        // 0.3 @ 100.1, 0.3 @ 100.2, 0.4 @ 100.35 → (30.03 + 30.06 + 40.14) / 1.0 = 100.23
        ApplyAll(_events.Filled("0.3", "100.1", "A"), _events.Filled("0.3", "100.2", "B"), _events.Filled("0.4", "100.35", "C"));
        _order.AvgPx.ShouldBe(100.23m);
    }

    [Fact]
    public void Illegal_transition_is_reported_with_a_clear_message_and_changes_nothing()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.Filled("1.0", "100", "T1"));
        var result = _order.Apply(_events.Accepted("V-2"));
        result.Outcome.ShouldBe(OrderTransitionOutcome.Invalid);
        result.Error.ShouldBe($"cannot apply OrderAccepted to order {_order.ClientOrderId} in state FILLED");
        _order.Status.ShouldBe(OrderStatus.Filled);
        _order.VenueOrderId.ShouldBe(new VenueOrderId("V-1"));
        _order.Events.Count.ShouldBe(4);
    }

    [Fact]
    public void Submitting_twice_is_refused()
    {
        ApplyAll(_events.Submitted());
        _order.TryApply(_events.Submitted(), out string? error).ShouldBeFalse();
        error.ShouldBe($"cannot apply OrderSubmitted to order {_order.ClientOrderId} in state SUBMITTED");
    }

    [Fact]
    public void Fills_may_arrive_before_the_accept()
    {
        ApplyAll(_events.Submitted(), _events.Filled("0.4", "100", "T1"));
        _order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        _order.VenueOrderId.ShouldBe(new VenueOrderId("V-1")); // the fill told us the venue id
        var accepted = _order.Apply(_events.Accepted("V-1"));
        accepted.IsApplied.ShouldBeTrue();
        accepted.After.ShouldBe(OrderStatus.PartiallyFilled);
        _order.Apply(_events.Filled("0.6", "100", "T2")).After.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void A_complete_fill_before_the_accept_fills_the_order()
    {
        ApplyAll(_events.Submitted());
        _order.Apply(_events.Filled("1.0", "100", "T1")).After.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void The_same_fill_reported_twice_is_applied_once()
    {
        ApplyAll(_events.Submitted(), _events.Accepted());
        OrderFilled fill = _events.Filled("0.4", "100", "T1");
        _order.Apply(fill).IsApplied.ShouldBeTrue();
        var again = _order.Apply(fill with { EventId = Guid.NewGuid() });
        again.Outcome.ShouldBe(OrderTransitionOutcome.Duplicate);
        again.Error.ShouldBe($"fill T1 was already applied to order {_order.ClientOrderId}");
        _order.FilledQty.ShouldBe(Quantity.Parse("0.4"));
    }

    [Fact]
    public void The_same_accept_reported_twice_is_a_duplicate()
    {
        ApplyAll(_events.Submitted(), _events.Accepted("V-1"));
        _order.Apply(_events.Accepted("V-1")).IsDuplicate.ShouldBeTrue();
        _order.Apply(_events.Accepted("V-9")).IsInvalid.ShouldBeTrue();
    }

    [Fact]
    public void An_over_fill_is_refused()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.Filled("0.7", "100", "T1"));
        var result = _order.Apply(_events.Filled("0.4", "100", "T2"));
        result.IsInvalid.ShouldBeTrue();
        result.Error.ShouldBe($"fill T2 of 0.4 would over-fill order {_order.ClientOrderId}: filled 0.7 of 1.0");
        _order.FilledQty.ShouldBe(Quantity.Parse("0.7"));
        _order.Status.ShouldBe(OrderStatus.PartiallyFilled);
    }

    [Fact]
    public void A_fill_on_the_wrong_side_is_refused() =>
        _order.Apply(_events.Filled("0.1", "100", "T1", side: OrderSide.Sell)).Error.ShouldBe($"fill T1 is a Sell but order {_order.ClientOrderId} is a Buy");

    [Fact]
    public void A_fill_after_cancel_counts_and_the_order_stays_canceled_when_partial()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.PendingCancel(), _events.Canceled());
        _order.Apply(_events.Filled("0.4", "100", "T1")).After.ShouldBe(OrderStatus.Canceled);
        _order.FilledQty.ShouldBe(Quantity.Parse("0.4"));
        _order.AvgPx.ShouldBe(100m);
    }

    [Fact]
    public void A_fill_after_cancel_that_completes_the_order_makes_it_filled()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.Filled("0.4", "100", "T1"), _events.Canceled());
        _order.Apply(_events.Filled("0.6", "100", "T2")).After.ShouldBe(OrderStatus.Filled);
        _order.LeavesQty.IsZero.ShouldBeTrue();
    }

    [Fact]
    public void A_partial_fill_while_a_cancel_is_pending_keeps_it_pending_and_a_cancel_reject_returns_to_partially_filled()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.PendingCancel(), _events.Filled("0.4", "100", "T1"));
        _order.Status.ShouldBe(OrderStatus.PendingCancel);
        _order.Apply(_events.CancelRejected()).After.ShouldBe(OrderStatus.PartiallyFilled);
    }

    [Fact]
    public void A_cancel_rejected_because_the_order_filled_is_harmless()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.PendingCancel(), _events.Filled("1.0", "100", "T1"));
        _order.Status.ShouldBe(OrderStatus.Filled);
        _order.Apply(_events.CancelRejected("order already filled")).After.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void A_modify_updates_quantity_price_and_venue_id_and_returns_to_the_prior_status()
    {
        ApplyAll(_events.Submitted(), _events.Accepted("V-1"), _events.Filled("0.2", "100", "T1"), _events.PendingUpdate());
        _order.Status.ShouldBe(OrderStatus.PendingUpdate);
        _order.Apply(_events.Updated("2.0", "99.5", venueOrderId: "V-2")).After.ShouldBe(OrderStatus.PartiallyFilled);
        _order.Quantity.ShouldBe(Quantity.Parse("2.0"));
        _order.LeavesQty.ShouldBe(Quantity.Parse("1.8"));
        _order.Price.ShouldBe(Price.Parse("99.5"));
        _order.VenueOrderId.ShouldBe(new VenueOrderId("V-2"));
        _order.VenueOrderIds.ShouldBe([new VenueOrderId("V-1"), new VenueOrderId("V-2")]);
    }

    [Fact]
    public void A_modify_below_the_filled_quantity_is_refused()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.Filled("0.5", "100", "T1"));
        _order.Apply(_events.Updated("0.4")).Error.ShouldBe($"cannot update order {_order.ClientOrderId} to quantity 0.4: 0.5 is already filled");
    }

    [Fact]
    public void A_rejected_modify_leaves_the_order_as_it_was()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.PendingUpdate());
        _order.Apply(_events.ModifyRejected()).After.ShouldBe(OrderStatus.Accepted);
        _order.Price.ShouldBe(Price.Parse("100"));
    }

    [Fact]
    public void Only_orders_with_a_trigger_can_be_triggered()
    {
        ApplyAll(_events.Submitted(), _events.Accepted());
        _order.Apply(_events.Triggered()).Error.ShouldBe($"cannot apply OrderTriggered to order {_order.ClientOrderId}: a Limit order has no trigger");

        Order stop = TestOrders.Order(type: OrderType.StopLimit);
        var ev = new OrderEvents(stop);
        stop.Apply(ev.Submitted());
        stop.Apply(ev.Accepted());
        stop.Apply(ev.Triggered()).After.ShouldBe(OrderStatus.Triggered);
        stop.IsTriggered.ShouldBeTrue();
    }

    [Fact]
    public void An_event_for_another_order_is_refused()
    {
        Order other = TestOrders.Factory(TestOrders.T0 + 5_000_000_000).Limit(TestOrders.Btc, OrderSide.Buy, Quantity.Parse("1"), Price.Parse("1"));
        _order.Apply(new OrderEvents(other).Submitted()).Error.ShouldBe($"cannot apply OrderSubmitted for order {other.ClientOrderId} to order {_order.ClientOrderId}");
    }

    [Fact]
    public void An_order_rebuilt_from_its_events_equals_the_original()
    {
        ApplyAll(_events.Submitted(), _events.Accepted(), _events.Filled("0.25", "100", "T1"), _events.PendingCancel());
        Order rebuilt = Order.FromEvents(_order.Events);
        rebuilt.Status.ShouldBe(OrderStatus.PendingCancel);
        rebuilt.FilledQty.ShouldBe(_order.FilledQty);
        rebuilt.AvgPx.ShouldBe(_order.AvgPx);
        rebuilt.Apply(new OrderEvents(rebuilt).CancelRejected()).After.ShouldBe(OrderStatus.PartiallyFilled);
        Should.Throw<ArgumentException>(() => Order.FromEvents(_order.Events.Skip(1))).Message.ShouldContain("must start with OrderInitialized");
    }

    [Fact]
    public void Denied_order_accepts_nothing_more()
    {
        ApplyAll(_events.Denied("max notional exceeded"));
        _order.IsClosed.ShouldBeTrue();
        _order.Apply(_events.Submitted()).Error.ShouldBe($"cannot apply OrderSubmitted to order {_order.ClientOrderId} in state DENIED");
        _order.Apply(_events.CancelRejected()).IsInvalid.ShouldBeTrue();
    }
}
