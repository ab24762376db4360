using Halyard.Core.Model;

namespace Halyard.IntegrationTests.Live;

/// <summary>The execution client in a node against the simulator over real sockets: the order lifecycles.</summary>
public sealed class LiveOrderTests
{
    private static readonly InstrumentId Btc = LiveVenue.Btc;

    [Fact]
    public async Task Market_order_fills_with_fees_and_the_position_matches_clearinghouse_state()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);

        Order order = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderFilled>(order.ClientOrderId);
        await LiveNode.WaitUntil(() => live.Strategy.EventsOf<OrderFilled>(order.ClientOrderId).Sum(f => f.LastQty.ToDecimal()) == 0.01m, "the whole market order filled");

        live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId).Count.ShouldBe(1);
        var fills = live.Strategy.EventsOf<OrderFilled>(order.ClientOrderId);
        fills.ShouldAllBe(f => f.Commission.Amount > 0m && f.LiquiditySide == LiquiditySide.Taker);
        fills.Select(f => f.TradeId).Distinct().Count().ShouldBe(fills.Count);

        var state = await venue.AccountAsync();
        state.AssetPositions.Single(p => p.Position.Coin == "BTC").Position.Szi.ShouldBe(0.01m);
        await LiveNode.WaitUntil(() => live.Node.Cache.NetPosition(Btc) == 0.01m, "the node's BTC position");
        live.Metrics.OrderLatency.Snapshot().Count.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Limit_order_is_accepted_then_partially_filled_then_filled_with_maker_fills()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal price = Math.Round(await venue.MidAsync("BTC"), 0); // inside the maker's spread: first in line

        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.02000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);

        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.005m);
        await live.WaitFor<OrderFilled>(order.ClientOrderId);
        (await live.Read(n => n.Cache.Order(order.ClientOrderId)!.Status)).ShouldBe(OrderStatus.PartiallyFilled);

        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.015m);
        await LiveNode.WaitUntil(() => live.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Filled, "the order filled");

        var fills = live.Strategy.EventsOf<OrderFilled>(order.ClientOrderId);
        fills.Sum(f => f.LastQty.ToDecimal()).ShouldBe(0.02m);
        fills.ShouldAllBe(f => f.LiquiditySide == LiquiditySide.Maker && f.LastPx.ToDecimal() == price);
        live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Limit_order_is_accepted_then_canceled_and_gone_from_the_venue()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.95m, 0);

        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        (await venue.OpenOrdersAsync()).Count.ShouldBe(1);

        await live.OnKernel(s => s.CancelOrder(order));
        await live.WaitFor<OrderCanceled>(order.ClientOrderId);
        await Task.Delay(200, TestContext.Current.CancellationToken); // a late orderUpdates "canceled" must not add a second event
        live.Strategy.EventsOf<OrderCanceled>(order.ClientOrderId).Count.ShouldBe(1);
        (await venue.OpenOrdersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Modify_replaces_the_order_under_the_same_cloid_with_a_new_venue_order_id()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.95m, 0);

        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        VenueOrderId first = live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId)[0].VenueOrderId;

        await live.OnKernel(s => s.ModifyOrder(order, Quantity.Parse("0.02000"), Price.FromDecimal(price - 10m, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderUpdated>(order.ClientOrderId);

        OrderUpdated updated = live.Strategy.EventsOf<OrderUpdated>(order.ClientOrderId).Single();
        updated.VenueOrderId.ShouldNotBe(first);
        updated.Quantity.ToDecimal().ShouldBe(0.02m);
        var open = (await venue.OpenOrdersAsync()).Single();
        open.Cloid.ShouldBe(order.ClientOrderId.ToCloidHex());
        open.Sz.ShouldBe(0.02m);
        open.LimitPx.ShouldBe(price - 10m);
        live.Strategy.EventsOf<OrderCanceled>(order.ClientOrderId).ShouldBeEmpty(); // the replaced oid's cancel is not the order's
    }

    [Fact]
    public async Task Stop_market_rests_then_triggers_and_fills_when_the_mark_moves_through_it()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal mid = await venue.MidAsync("BTC");
        decimal trigger = Math.Round(mid * 1.02m, 0);

        Order order = await live.SubmitAsync(f => f.StopMarket(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(trigger, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        (await venue.OpenOrdersAsync()).Single().IsTrigger.ShouldBeTrue();
        live.Strategy.EventsOf<OrderFilled>(order.ClientOrderId).ShouldBeEmpty();

        venue.Sim.SetPrice("BTC", Math.Round(mid * 1.03m, 0));
        await live.WaitFor<OrderTriggered>(order.ClientOrderId);
        await LiveNode.WaitUntil(() => live.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Filled, "the triggered stop filled");
        (await venue.AccountAsync()).AssetPositions.Single(p => p.Position.Coin == "BTC").Position.Szi.ShouldBe(0.01m);
    }

    [Fact]
    public async Task Post_only_take_profit_and_reduce_only_orders_reach_the_venue_as_such()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue, nodeConfig: LiveRejectionTests.VenueChecksOnly);
        decimal mid = await venue.MidAsync("BTC");

        Order crossing = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"),
            Price.FromDecimal(Math.Round(mid * 1.01m, 0), 1, RoundingDirection.Nearest), postOnly: true));
        await live.WaitFor<OrderRejected>(crossing.ClientOrderId);
        live.Strategy.EventsOf<OrderRejected>(crossing.ClientOrderId)[0].Reason.ShouldContain("Post only order would have immediately matched");

        Order reduceOnly = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Sell, Quantity.Parse("0.01000"), reduceOnly: true));
        await live.WaitFor<OrderRejected>(reduceOnly.ClientOrderId); // no position to reduce

        Order takeProfit = await live.SubmitAsync(f => f.MarketIfTouched(Btc, OrderSide.Sell, Quantity.Parse("0.01000"),
            Price.FromDecimal(Math.Round(mid * 1.05m, 0), 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(takeProfit.ClientOrderId);
        var open = (await venue.OpenOrdersAsync()).Single();
        open.IsTrigger.ShouldBeTrue();
        open.OrderType.ShouldNotBeNull().ShouldContain("Take Profit");
    }

    [Fact]
    public async Task An_agent_key_trades_for_the_master_and_every_read_and_stream_is_the_masters()
    {
        await using var venue = await LiveVenue.StartAsync();
        string agentKey = await venue.ApproveAgentAsync();
        await using var live = await LiveNode.StartAsync(venue, c => c with
        {
            Credentials = new Hyperliquid.HyperliquidCredentials { KeyFile = agentKey, AccountAddress = venue.Address },
        });
        live.Client.OwnerAddress.ShouldBe(venue.Address);

        Order order = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await LiveNode.WaitUntil(() => live.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Filled, "the agent's market order filled (fills streamed for the master)");
        (await venue.AccountAsync()).AssetPositions.Single().Position.Szi.ShouldBe(0.01m);

        var mass = await live.Client.GenerateMassStatusAsync(0, TestContext.Current.CancellationToken);
        mass.AccountId.Value.ShouldBe("HYPERLIQUID-" + venue.Address);
        mass.FillReports.Count.ShouldBeGreaterThanOrEqualTo(1);
        mass.PositionReports.Single().SignedQty.ShouldBe(0.01m);
    }
}
