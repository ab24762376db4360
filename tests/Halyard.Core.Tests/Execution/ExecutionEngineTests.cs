using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Core.Tests.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Execution;

public class ExecutionEngineTests
{
    private readonly LimitStrategy _strategy = new();

    private KernelHarness Harness()
    {
        var h = new KernelHarness(strategies: _strategy);
        h.StartStrategies();
        _strategy.SubscribeQuotes(h.Id);
        h.Quote("3000.0", "3000.5");
        return h;
    }

    [Fact]
    public void Commands_go_to_the_client_of_the_orders_venue()
    {
        var h = Harness();
        var other = new TestVenue(h.Kernel.Inbox, () => h.Clock.UtcNowNs, [TestInstruments.Eth("OTHER")], "OTHER");
        h.Kernel.AddExecutionClient(other);
        other.ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        h.Drain();
        other.PushQuote(TestInstruments.Eth("OTHER").Id, "10.0", "10.5");

        Order here = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order there = _strategy.Buy(TestInstruments.Eth("OTHER").Id, "1.000", "10.1");
        h.Drain();

        h.Venue.Calls.ShouldContain($"submit {here.ClientOrderId}");
        h.Venue.Calls.ShouldNotContain($"submit {there.ClientOrderId}");
        other.Calls.ShouldContain($"submit {there.ClientOrderId}");
        here.Status.ShouldBe(OrderStatus.Accepted);
        there.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void An_order_for_a_venue_without_a_client_is_denied()
    {
        var h = Harness();
        h.Kernel.Cache.AddInstrument(TestInstruments.Eth("NOWHERE"));
        Order order = _strategy.Buy(TestInstruments.Eth("NOWHERE").Id, "0.010", "2990.0");
        h.Drain();
        order.Events.OfType<OrderDenied>().ShouldHaveSingleItem().Reason.ShouldBe("no execution client for venue NOWHERE");
    }

    [Fact]
    public void The_same_order_is_never_submitted_twice()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        _strategy.SubmitOrder(order);
        h.Drain();
        h.Venue.Calls.Count(c => c == $"submit {order.ClientOrderId}").ShouldBe(1);
        order.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void Illegal_and_repeated_events_are_dropped_without_stopping_the_kernel()
    {
        var h = Harness();
        Order order = _strategy.Market(h.Id, OrderSide.Buy, "0.010");
        h.Drain();
        order.Status.ShouldBe(OrderStatus.Filled);
        OrderFilled fill = order.Events.OfType<OrderFilled>().Single();
        int eventsBefore = _strategy.Events.Count;

        h.Kernel.Inbox.Post(fill);                                   // the venue repeats the fill
        h.Kernel.Inbox.Post(new OrderAccepted(h.Kernel.TraderId, _strategy.Id, h.Id, order.ClientOrderId,
            new VenueOrderId("V-999"), h.Venue.AccountId, Guid.NewGuid(), 1, 1)); // accept after filled: illegal
        h.Kernel.Inbox.Post(new OrderCanceled(h.Kernel.TraderId, _strategy.Id, h.Id, new ClientOrderId("NOT-OURS"),
            null, null, Guid.NewGuid(), 1, 1));                      // unknown order
        h.Drain();

        h.Kernel.Execution.DuplicateEventCount.ShouldBe(1);
        h.Kernel.Execution.InvalidEventCount.ShouldBe(1);
        h.Kernel.ErrorCount.ShouldBe(0);
        _strategy.Events.Count.ShouldBe(eventsBefore);
        h.Kernel.Cache.PositionsOpen(h.Id).ShouldHaveSingleItem().SignedQty.ShouldBe(0.01m); // not doubled
    }

    [Fact]
    public void Cancel_marks_the_order_pending_then_the_venue_confirms()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        h.Venue.AutoAcknowledgeCancels = false;
        _strategy.Cancel(order);
        h.Drain();
        order.Status.ShouldBe(OrderStatus.PendingCancel);
        h.Venue.AcknowledgeCancels();
        h.Drain();
        order.Status.ShouldBe(OrderStatus.Canceled);
        _strategy.Cancel(order); // already closed: not sent again
        h.Drain();
        h.Venue.Calls.Count(c => c == $"cancel {order.ClientOrderId}").ShouldBe(1);
    }

    [Fact]
    public void Cancel_all_covers_the_strategys_open_orders_of_the_instrument()
    {
        var h = Harness();
        Order a = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order b = _strategy.Sell(h.Id, "0.010", "3010.0");
        h.Drain();
        _strategy.CancelAll(h.Id);
        h.Drain();
        h.Venue.Calls.ShouldContain($"cancel-all {h.Id} (2)");
        a.Status.ShouldBe(OrderStatus.Canceled);
        b.Status.ShouldBe(OrderStatus.Canceled);
        h.Kernel.Cache.OrdersOpen().ShouldBeEmpty();
    }

    [Fact]
    public void Modify_goes_through_pending_update_and_a_crossing_price_fills()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        _strategy.Modify(order, "2995.0");
        h.Drain();
        order.Price.ShouldBe(Price.Parse("2995.0"));
        order.Status.ShouldBe(OrderStatus.Accepted);
        order.Events.Select(e => e.Kind).ShouldContain(OrderEventKind.PendingUpdate);
        _strategy.Modify(order, "3001.0"); // now above the ask
        h.Drain();
        order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void A_fill_through_zero_closes_then_opens_the_other_side()
    {
        var h = Harness();
        var positions = new List<string>();
        h.Kernel.Bus.Subscribe<IPositionEvent>($"events.position.{_strategy.Id}", e => positions.Add($"{e.GetType().Name} {e.Position.Side} {e.Position.Quantity}"));
        _strategy.Market(h.Id, OrderSide.Buy, "0.010");
        h.Drain();
        _strategy.Market(h.Id, OrderSide.Sell, "0.030");
        h.Drain();
        positions.ShouldBe(["PositionOpened Long 0.010", "PositionClosed Flat 0.000", "PositionOpened Short 0.020"]);
        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(-0.02m);
    }

    [Fact]
    public void Close_all_positions_sends_reduce_only_market_orders()
    {
        var h = Harness();
        _strategy.Market(h.Id, OrderSide.Buy, "0.020");
        h.Drain();
        Order close = _strategy.CloseAll().ShouldHaveSingleItem();
        h.Drain();
        close.ReduceOnly.ShouldBeTrue();
        close.Side.ShouldBe(OrderSide.Sell);
        close.Status.ShouldBe(OrderStatus.Filled);
        h.Kernel.Cache.PositionsOpen().ShouldBeEmpty();
    }

    [Fact]
    public void A_venue_rejection_closes_the_order_and_the_strategy_hears_why()
    {
        var h = Harness();
        Order crossing = _strategy.Place(h.Id, OrderSide.Buy, "0.010", "3001.0", postOnly: true);
        h.Drain();
        crossing.Status.ShouldBe(OrderStatus.Rejected);
        _strategy.Events.OfType<OrderRejected>().ShouldHaveSingleItem().Reason.ShouldBe("post-only order would take liquidity");
        h.Kernel.Cache.OrdersClosed().ShouldContain(crossing);
    }
}
