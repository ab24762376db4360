using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Tests.Mapping;

public class OrderTrackerTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private static readonly AccountId Account = new("HYPERLIQUID-0xabc");
    private readonly List<object> _emitted = [];
    private readonly MarketTable _markets;
    private readonly OrderTracker _tracker;
    private readonly OrderFactory _factory;
    private long _tid = 1000;

    public OrderTrackerTests()
    {
        var provider = new HyperliquidInstrumentProvider((_, _) => default);
        _markets = provider.Load(Fixture.Bytes("info_meta.response.json"));
        _tracker = new OrderTracker(Account, () => _markets, () => 1, _emitted.Add);
        _factory = new OrderFactory(new TraderId("TRADER-001"), new StrategyId("Test-001"), () => 1);
    }

    private (Order Order, TrackedOrder Tracked) Submit(string qty = "1.00000", string px = "100000.0")
    {
        Order order = _factory.Limit(Btc, OrderSide.Buy, Quantity.Parse(qty), Price.Parse(px));
        order.Apply(new OrderSubmitted(order.TraderId, order.StrategyId, Btc, order.ClientOrderId, Account, Guid.NewGuid(), 1, 1)).IsApplied.ShouldBeTrue();
        _markets.TryGetByCoin("BTC", out var market);
        return (order, _tracker.Track(order, market));
    }

    private VenueFill Fill(TrackedOrder t, ulong oid, decimal size, long? tid = null, long time = 5, bool withCloid = true) =>
        new("BTC", oid, withCloid ? t.Cloid : null, tid ?? ++_tid, 100000.0m, size, true, time, 0.45m, "USDC", Crossed: true);

    private VenueOrderUpdate Update(TrackedOrder t, ulong oid, string status, decimal size = 1m) =>
        new("BTC", oid, t.Cloid, true, 100000.0m, size, size, status, 6, 1);

    /// <summary>Applies everything emitted to the real order; every event must apply cleanly (no duplicates, nothing invalid).</summary>
    private void ApplyAll(Order order)
    {
        foreach (IOrderEvent e in _emitted.OfType<IOrderEvent>().Where(e => e.ClientOrderId == order.ClientOrderId))
        {
            var result = order.Apply(e);
            result.IsApplied.ShouldBeTrue($"{e.GetType().Name}: {result.Error}");
        }
        _emitted.RemoveAll(e => e is IOrderEvent oe && oe.ClientOrderId == order.ClientOrderId);
    }

    [Fact]
    public void Resting_response_accepts_once_even_when_the_order_update_repeats_it()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.OnOrderUpdate(Update(t, 77, "open"));
        _emitted.OfType<OrderAccepted>().ShouldHaveSingleItem().VenueOrderId.Value.ShouldBe("77");
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void Fill_before_the_accept_is_preceded_by_a_synthesised_accept_and_the_late_response_adds_nothing()
    {
        var (order, t) = Submit();
        _tracker.OnFill(Fill(t, 77, 1m));
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Filled(77, 1m, 100000m), 10);

        _emitted.Select(e => e.GetType().Name).ShouldBe(["OrderAccepted", "OrderFilled"]);
        var fill = _emitted.OfType<OrderFilled>().Single();
        fill.Commission.ShouldBe(new Money(0.45m, Currency.Usdc));
        fill.LiquiditySide.ShouldBe(LiquiditySide.Taker);
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void The_same_fill_from_websocket_snapshot_and_rest_is_applied_once()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        VenueFill fill = Fill(t, 77, 0.4m, tid: 5);
        _tracker.OnFill(fill);
        _tracker.OnFill(fill, fromSnapshot: true);
        _tracker.OnFill(fill with { Cloid = null });
        _emitted.OfType<OrderFilled>().Count().ShouldBe(1);
        _tracker.DuplicateFills.ShouldBe(2);
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        order.FilledQty.ToString().ShouldBe("0.40000");
    }

    [Fact]
    public void Fill_of_the_old_oid_racing_a_modify_counts_toward_the_same_order_and_its_cancel_is_not_the_orders_cancel()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("100100.0"), null, out _).ShouldBe(1m);
        // Venue: old oid 77 fills 0.3 just before the modify lands, then 77 is canceled and 78 placed.
        _tracker.OnFill(Fill(t, 77, 0.3m));
        _tracker.OnOrderUpdate(Update(t, 77, "canceled"));
        VenueCorrection? correction = _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20);

        _emitted.OfType<OrderCanceled>().ShouldBeEmpty();
        _emitted.OfType<OrderUpdated>().ShouldHaveSingleItem().VenueOrderId!.Value.Value.ShouldBe("78");
        // 78 was placed for the full 1.0 but only 0.7 is left: shrink it so the order cannot over-fill.
        correction.ShouldNotBeNull();
        correction.Oid.ShouldBe(78UL);
        correction.NewSize.ShouldBe(0.7m);
        t.Filled.ShouldBe(0.3m);
        ApplyAll(order);
        order.FilledQty.ToString().ShouldBe("0.30000");
        order.VenueOrderId!.Value.Value.ShouldBe("78");
    }

    [Fact]
    public void Partial_fill_then_modify_sends_only_the_remaining_size_and_never_over_fills()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.OnFill(Fill(t, 77, 0.4m));
        decimal? size = _tracker.BeginModify(t, null, Price.Parse("100050.0"), null, out _);
        size.ShouldBe(0.6m);
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20).ShouldBeNull();
        _tracker.OnFill(Fill(t, 78, 0.6m)).ShouldBeNull();

        t.IsClosed.ShouldBeTrue();
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Filled);
        order.FilledQty.ToString().ShouldBe("1.00000");
    }

    [Fact]
    public void Modify_to_a_quantity_not_above_the_filled_one_is_refused_before_sending()
    {
        var (_, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.OnFill(Fill(t, 77, 0.4m));
        _tracker.BeginModify(t, Quantity.Parse("0.40000"), null, null, out string? error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("filled");
    }

    [Fact]
    public void New_oid_reported_by_the_order_update_before_the_modify_response_is_one_update()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, Quantity.Parse("2.00000"), null, null, out _);
        _tracker.OnOrderUpdate(Update(t, 78, "open", 2m));
        _tracker.OnOrderUpdate(Update(t, 77, "canceled"));
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20);

        _emitted.OfType<OrderUpdated>().ShouldHaveSingleItem().Quantity.ToString().ShouldBe("2.00000");
        _emitted.OfType<OrderCanceled>().ShouldBeEmpty();
        ApplyAll(order);
        order.Quantity.ToString().ShouldBe("2.00000");
    }

    [Fact]
    public void Fill_of_the_new_oid_before_the_modify_response_completes_the_modify_first()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("100200.0"), null, out _);
        _tracker.OnFill(Fill(t, 78, 0.5m));
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20);

        _emitted.Select(e => e.GetType().Name).ShouldBe(["OrderAccepted", "OrderUpdated", "OrderFilled"]);
        ApplyAll(order);
        order.FilledQty.ToString().ShouldBe("0.50000");
    }

    [Fact]
    public void Rejected_modify_keeps_the_old_order_working()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("1.0"), null, out _);
        _tracker.OnModifyResponse(t, VenueOrderStatus.Rejected("Order price too far from oracle"), 20);
        _emitted.OfType<OrderModifyRejected>().ShouldHaveSingleItem().Reason.ShouldBe("Order price too far from oracle");
        t.Oid.ShouldBe(77UL);
        _tracker.OnOrderUpdate(Update(t, 77, "canceled"));
        _emitted.OfType<OrderCanceled>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Rejected_order_carries_the_exchanges_reason()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Rejected("Order must have minimum value of $10."), 10);
        _emitted.OfType<OrderRejected>().ShouldHaveSingleItem().Reason.ShouldBe("Order must have minimum value of $10.");
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Rejected);
    }

    [Fact]
    public void Cancel_success_and_the_later_canceled_update_give_one_cancel()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.OnCancelResponse(t, null, 20);
        _tracker.OnOrderUpdate(Update(t, 77, "canceled"));
        _emitted.OfType<OrderCanceled>().ShouldHaveSingleItem();
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Canceled);
    }

    [Fact]
    public void Cancel_error_after_the_order_filled_is_not_a_cancel_rejection()
    {
        var (_, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.OnFill(Fill(t, 77, 1m));
        _tracker.OnCancelResponse(t, "Order was never placed, already canceled, or filled.", 20);
        _emitted.OfType<OrderCancelRejected>().ShouldBeEmpty();
    }

    [Fact]
    public void Trigger_order_accepted_waiting_then_triggered_and_filled()
    {
        Order order = _factory.StopMarket(Btc, OrderSide.Sell, Quantity.Parse("0.10000"), Price.Parse("90000.0"));
        order.Apply(new OrderSubmitted(order.TraderId, order.StrategyId, Btc, order.ClientOrderId, Account, Guid.NewGuid(), 1, 1));
        _markets.TryGetByCoin("BTC", out var market);
        TrackedOrder t = _tracker.Track(order, market);
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Waiting(), 10);
        _emitted.ShouldBeEmpty();
        _tracker.OnOrderUpdate(Update(t, 90, "open", 0.1m));
        _tracker.OnOrderUpdate(Update(t, 90, "triggered", 0.1m));
        _tracker.OnFill(Fill(t, 90, 0.1m) with { IsBuy = false, Price = 89990m });
        _emitted.Select(e => e.GetType().Name).ShouldBe(["OrderAccepted", "OrderTriggered", "OrderFilled"]);
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void Orders_and_fills_we_do_not_track_become_reports()
    {
        _tracker.OnOrderUpdate(new VenueOrderUpdate("ETH", 500, null, false, 3600.5m, 0.5m, 1m, "open", 9, 8));
        _tracker.OnFill(new VenueFill("ETH", 500, null, 42, 3600.5m, 0.5m, false, 9, 0.1m, "USDC", false));
        var report = _emitted.OfType<OrderStatusReport>().ShouldHaveSingleItem();
        report.Status.ShouldBe(OrderStatus.PartiallyFilled);
        report.FilledQty.ToString().ShouldBe("0.5000");
        var fill = _emitted.OfType<FillReport>().ShouldHaveSingleItem();
        fill.TradeId.Value.ShouldBe("42");
        fill.LiquiditySide.ShouldBe(LiquiditySide.Maker);
    }

    [Fact]
    public void Snapshot_fills_of_untracked_orders_older_than_what_we_saw_are_not_replayed()
    {
        _tracker.MarkSeen(1, 1, timeMs: 100);
        _tracker.OnFill(new VenueFill("ETH", 500, null, 42, 3600.5m, 0.5m, false, 50, 0.1m, "USDC", false), fromSnapshot: true);
        _emitted.ShouldBeEmpty();
        _tracker.LastFillTimeMs.ShouldBe(100);
    }

    // Modify races beyond the ones above (NautilusTrader fixed six around cancel-replace; these are the rest).

    [Fact]
    public void Late_fill_of_the_replaced_oid_after_the_modify_completed_shrinks_the_live_order()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("100100.0"), null, out _).ShouldBe(1m);
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20).ShouldBeNull();
        // The fill of 77 happened before the modify at the venue but is delivered only now.
        VenueCorrection? correction = _tracker.OnFill(Fill(t, 77, 0.25m));

        correction.ShouldNotBeNull();
        correction.Oid.ShouldBe(78UL);
        correction.NewSize.ShouldBe(0.75m);
        ApplyAll(order);
        order.FilledQty.ToString().ShouldBe("0.25000");
        order.Quantity.ToString().ShouldBe("1.00000");
    }

    [Fact]
    public void Late_fills_that_complete_the_order_on_the_replaced_oid_cancel_the_live_replacement()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("100100.0"), null, out _);
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20);
        VenueCorrection? correction = _tracker.OnFill(Fill(t, 77, 1m));

        t.IsClosed.ShouldBeTrue();
        correction.ShouldNotBeNull();
        correction.Oid.ShouldBe(78UL);
        correction.IsCancel.ShouldBeTrue();
        // The cancel of 78 we then send is not a second end of the order.
        _tracker.OnOrderUpdate(Update(t, 78, "canceled"));
        _emitted.OfType<OrderCanceled>().ShouldBeEmpty();
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void A_second_modify_while_one_is_in_flight_is_refused_before_sending()
    {
        var (_, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, null, Price.Parse("100100.0"), null, out _).ShouldNotBeNull();
        _tracker.BeginModify(t, null, Price.Parse("100200.0"), null, out string? error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("in flight");
    }

    [Fact]
    public void Cancel_of_a_modified_order_ends_it_once_and_the_stale_cancel_of_the_replaced_oid_adds_nothing()
    {
        var (order, t) = Submit();
        _tracker.OnSubmitResponse(t, VenueOrderStatus.Resting(77), 10);
        _tracker.BeginModify(t, Quantity.Parse("2.00000"), null, null, out _);
        _tracker.OnModifyResponse(t, VenueOrderStatus.Resting(78), 20);
        _tracker.OnCancelResponse(t, null, 30);
        _tracker.OnOrderUpdate(Update(t, 78, "canceled", 2m));
        _tracker.OnOrderUpdate(Update(t, 77, "canceled"));

        _emitted.OfType<OrderCanceled>().ShouldHaveSingleItem().VenueOrderId!.Value.Value.ShouldBe("78");
        ApplyAll(order);
        order.Status.ShouldBe(OrderStatus.Canceled);
    }
}
