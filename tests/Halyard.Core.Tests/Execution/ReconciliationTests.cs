using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Core.Tests.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Execution;

public class ReconciliationTests
{
    private readonly LimitStrategy _strategy = new();
    private long _ts = KernelHarness.Start;

    private KernelHarness Harness()
    {
        var h = new KernelHarness(strategies: _strategy);
        h.StartStrategies();
        _strategy.SubscribeQuotes(h.Id);
        h.Quote("3000.0", "3000.5");
        h.Kernel.Execution.InflightGraceNs = 0;
        return h;
    }

    private ExecutionMassStatus Mass(KernelHarness h, OrderStatusReport[]? orders = null, FillReport[]? fills = null, PositionStatusReport[]? positions = null) =>
        new(h.Venue.ClientId, h.Venue.AccountId, h.Venue.Venue, orders ?? [], fills ?? [], positions ?? [], h.Clock.UtcNowNs);

    private OrderStatusReport Report(KernelHarness h, ClientOrderId? id, string venueId, OrderStatus status, string qty, string filled, string price, decimal? avg = null) =>
        new(h.Venue.AccountId, h.Id, id, new VenueOrderId(venueId), OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, status,
            Quantity.Parse(qty, 3), Quantity.Parse(filled, 3), Price.Parse(price, 1), null, avg, false, false, ++_ts, ++_ts, ++_ts);

    private FillReport Fill(KernelHarness h, ClientOrderId? id, string venueId, string tradeId, string qty, string price) =>
        new(h.Venue.AccountId, h.Id, new VenueOrderId(venueId), id, new TradeId(tradeId), OrderSide.Buy, Quantity.Parse(qty, 3), Price.Parse(price, 1),
            new Money(0.01m, Currency.Usdc), LiquiditySide.Maker, ++_ts, ++_ts);

    [Fact]
    public void The_venues_real_mass_status_matches_a_cache_that_saw_everything()
    {
        var h = Harness();
        _strategy.Buy(h.Id, "0.010", "2990.0");
        _strategy.Market(h.Id, OrderSide.Buy, "0.020");
        h.Drain();
        ExecutionMassStatus mass = h.Venue.GenerateMassStatusAsync(null, TestContext.Current.CancellationToken).Result;

        ReconciliationResult result = h.Kernel.Execution.Reconcile(mass);

        result.WasInSync.ShouldBeTrue();
        result.OrdersChecked.ShouldBe(1);
    }

    [Fact]
    public void A_missed_accept_and_missed_fills_become_events_and_a_second_run_adds_nothing()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.100", "2990.0");
        // The order reached the venue but the kernel never heard back: take it back to Submitted by removing what the venue said.
        var lost = new ExecutionEngineProbe(h);
        lost.LoseVenueEvents(); // drops OrderAccepted from the inbox
        order.Status.ShouldBe(OrderStatus.Submitted);
        var events = new List<string>();
        h.Kernel.Bus.Subscribe<IOrderEvent>($"events.order.{_strategy.Id}", e => events.Add(e.GetType().Name));

        var mass = Mass(h,
            orders: [Report(h, order.ClientOrderId, "V-1", OrderStatus.PartiallyFilled, "0.100", "0.060", "2990.0", avg: 2990.0m)],
            fills: [Fill(h, order.ClientOrderId, "V-1", "T-a", "0.040", "2990.0"), Fill(h, order.ClientOrderId, "V-1", "T-b", "0.020", "2990.0")],
            positions: [new PositionStatusReport(h.Venue.AccountId, h.Id, 0.06m, 2990.0m, _ts, _ts)]);
        ReconciliationResult first = h.Kernel.Execution.Reconcile(mass);
        ReconciliationResult second = h.Kernel.Execution.Reconcile(mass);

        events.ShouldBe(["OrderAccepted", "OrderFilled", "OrderFilled"]);
        first.EventsGenerated.ShouldBe(3);
        second.WasInSync.ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        order.FilledQty.ShouldBe(Quantity.Parse("0.06"));
        order.VenueOrderId.ShouldBe(new VenueOrderId("V-1"));
        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(0.06m);
        h.Venue.Calls.Count(c => c.StartsWith("submit")).ShouldBe(1); // reconciliation never sends anything
    }

    [Fact]
    public void Filled_quantity_without_fill_reports_is_inferred_at_the_price_that_makes_the_average_match()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.100", "2990.0");
        h.Drain();
        var mass = Mass(h,
            orders: [Report(h, order.ClientOrderId, order.VenueOrderId!.Value.Value, OrderStatus.PartiallyFilled, "0.100", "0.050", "2990.0", avg: 2989.0m)],
            positions: [new PositionStatusReport(h.Venue.AccountId, h.Id, 0.05m, 2989.0m, _ts, _ts)]);

        ReconciliationResult result = h.Kernel.Execution.Reconcile(mass);
        h.Kernel.Execution.Reconcile(mass).WasInSync.ShouldBeTrue();

        result.FillsInferred.ShouldBe(1);
        order.FilledQty.ShouldBe(Quantity.Parse("0.05"));
        order.AvgPx.ShouldBe(2989.0m);
    }

    [Fact]
    public void An_order_the_venue_no_longer_lists_is_closed_here()
    {
        var h = Harness();
        Order working = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        working.Status.ShouldBe(OrderStatus.Accepted);

        h.Kernel.Execution.Reconcile(Mass(h)).EventsGenerated.ShouldBe(1);

        working.Status.ShouldBe(OrderStatus.Canceled);
    }

    [Fact]
    public void An_order_we_do_not_know_becomes_an_external_order_with_its_fills()
    {
        var h = Harness();
        var mass = Mass(h,
            orders: [Report(h, null, "V-77", OrderStatus.PartiallyFilled, "0.100", "0.040", "2950.0", avg: 2950.0m)],
            fills: [Fill(h, null, "V-77", "T-x", "0.040", "2950.0")],
            positions: [new PositionStatusReport(h.Venue.AccountId, h.Id, 0.04m, 2950.0m, _ts, _ts)]);

        ReconciliationResult result = h.Kernel.Execution.Reconcile(mass);
        h.Kernel.Execution.Reconcile(mass).WasInSync.ShouldBeTrue();

        result.ExternalOrdersCreated.ShouldBe(1);
        Order external = h.Kernel.Cache.Order(new ClientOrderId("EXT-V-77")).ShouldNotBeNull();
        external.StrategyId.ShouldBe(StrategyId.External);
        external.Status.ShouldBe(OrderStatus.PartiallyFilled);
        h.Kernel.Cache.ClientOrderIdFor(new VenueOrderId("V-77")).ShouldBe(external.ClientOrderId);
        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(0.04m);
        result.PositionsAligned.ShouldBe(0); // the fills already explain the position
    }

    [Fact]
    public void A_position_gap_left_after_orders_and_fills_is_closed_with_an_inferred_external_fill()
    {
        var h = Harness();
        _strategy.Market(h.Id, OrderSide.Buy, "0.050");
        h.Drain();
        var mass = Mass(h, positions: [new PositionStatusReport(h.Venue.AccountId, h.Id, 0.08m, 3000.0m, _ts, _ts)]);

        ReconciliationResult result = h.Kernel.Execution.Reconcile(mass);
        h.Kernel.Execution.Reconcile(mass).WasInSync.ShouldBeTrue();

        result.PositionsAligned.ShouldBe(1);
        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(0.08m);
        h.Kernel.Cache.PositionsOpen(h.Id, StrategyId.External).ShouldHaveSingleItem().SignedQty.ShouldBe(0.03m);
        h.Kernel.Cache.PositionsOpen(h.Id, _strategy.Id).ShouldHaveSingleItem().SignedQty.ShouldBe(0.05m); // ours untouched
    }

    [Fact]
    public void When_the_venue_is_flat_our_open_position_is_offset()
    {
        var h = Harness();
        _strategy.Market(h.Id, OrderSide.Buy, "0.050");
        h.Drain();
        h.Kernel.Execution.Reconcile(Mass(h)).PositionsAligned.ShouldBe(1);
        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(0m);
    }

    [Fact]
    public void A_worst_price_the_venue_reports_for_a_resting_stop_market_is_not_an_update()
    {
        var h = Harness();
        Order stop = _strategy.StopMarket(h.Id, OrderSide.Sell, "0.010", "2900.0");
        h.Drain();
        stop.Status.ShouldBe(OrderStatus.Accepted);
        // Hyperliquid lists a stop-market with the limit price it would fill at once triggered.
        var report = new OrderStatusReport(h.Venue.AccountId, h.Id, stop.ClientOrderId, stop.VenueOrderId!.Value, OrderSide.Sell, OrderType.StopMarket,
            TimeInForce.Gtc, OrderStatus.Accepted, Quantity.Parse("0.010", 3), Quantity.Parse("0", 3), Price.Parse("2610.0", 1), Price.Parse("2900.0", 1),
            null, false, false, ++_ts, ++_ts, ++_ts);

        ReconciliationResult result = h.Kernel.Execution.Reconcile(Mass(h, [report]));

        result.WasInSync.ShouldBeTrue();
        stop.Price.ShouldBeNull();
        stop.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void A_status_report_answering_a_query_updates_the_order()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        h.Kernel.Process(Report(h, order.ClientOrderId, order.VenueOrderId!.Value.Value, OrderStatus.Canceled, "0.010", "0", "2990.0"));
        order.Status.ShouldBe(OrderStatus.Canceled);
    }

    [Fact]
    public void A_venue_that_knows_our_order_only_by_its_cloid_still_reaches_it()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.100", "2990.0");
        h.Drain();
        ClientOrderId asTheVenueSaysIt = ClientOrderId.FromCloidHex(order.ClientOrderId.ToCloidHex());
        var mass = Mass(h,
            orders: [Report(h, asTheVenueSaysIt, order.VenueOrderId!.Value.Value, OrderStatus.PartiallyFilled, "0.100", "0.030", "2990.0", avg: 2990.0m)],
            fills: [Fill(h, asTheVenueSaysIt, order.VenueOrderId!.Value.Value, "T-c", "0.030", "2990.0")],
            positions: [new PositionStatusReport(h.Venue.AccountId, h.Id, 0.03m, 2990.0m, _ts, _ts)]);

        ReconciliationResult result = h.Kernel.Execution.Reconcile(mass);

        result.ExternalOrdersCreated.ShouldBe(0);
        order.FilledQty.ShouldBe(Quantity.Parse("0.03"));
        h.Kernel.Cache.OrderExists(asTheVenueSaysIt).ShouldBeFalse();

        h.Kernel.Process(new OrderCanceled(h.Kernel.TraderId, _strategy.Id, h.Id, asTheVenueSaysIt, order.VenueOrderId, h.Venue.AccountId, Guid.NewGuid(), _ts, _ts));
        order.Status.ShouldBe(OrderStatus.Canceled);
        _strategy.Events.Last().ClientOrderId.ShouldBe(order.ClientOrderId); // strategies see their own id
    }

    [Fact]
    public void A_snapshot_older_than_a_live_fill_does_not_move_the_position()
    {
        var h = Harness();
        ExecutionMassStatus stale = Mass(h); // the venue was flat when it answered
        h.Quote("3000.0", "3000.5");          // time passes
        _strategy.Market(h.Id, OrderSide.Buy, "0.050");
        h.Drain();

        h.Kernel.Execution.Reconcile(stale).PositionsAligned.ShouldBe(0);

        h.Kernel.Cache.NetPosition(h.Id).ShouldBe(0.05m);
        h.Kernel.Cache.PositionsOpen(h.Id, StrategyId.External).ShouldBeEmpty();
    }
}
