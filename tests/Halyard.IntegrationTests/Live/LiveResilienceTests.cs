using Halyard.Core.Cache;
using Halyard.Core.Model;

namespace Halyard.IntegrationTests.Live;

/// <summary>Dropped sockets, restarts and failing requests: nothing lost, nothing doubled, nothing placed twice.</summary>
public sealed class LiveResilienceTests
{
    private static readonly InstrumentId Btc = LiveVenue.Btc;

    [Fact]
    public async Task Fills_while_the_socket_is_down_are_recovered_once_after_the_reconnect()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal price = Math.Round(await venue.MidAsync("BTC"), 0);
        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.03000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.01m);
        await live.WaitFor<OrderFilled>(order.ClientOrderId);

        venue.Sim.DropWebSockets();
        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.01m); // while our socket reconnects
        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.01m);

        await LiveNode.WaitUntil(() => live.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Filled, "the order filled after the reconnect");
        await LiveNode.WaitUntil(() => live.Client.ReconciliationsPosted >= 1, "a reconciliation after the reconnect");
        await Task.Delay(300, TestContext.Current.CancellationToken); // anything late must not add fills

        var fills = live.Strategy.EventsOf<OrderFilled>(order.ClientOrderId);
        fills.Sum(f => f.LastQty.ToDecimal()).ShouldBe(0.03m);
        fills.Select(f => f.TradeId).Distinct().Count().ShouldBe(fills.Count);
        (await live.Read(n => n.Cache.NetPosition(Btc))).ShouldBe(0.03m);
        (await venue.AccountAsync()).AssetPositions.Single().Position.Szi.ShouldBe(0.03m);
    }

    [Fact]
    public async Task A_restarted_node_reconciles_its_open_order_and_a_fill_it_missed_without_placing_anything_again()
    {
        await using var venue = await LiveVenue.StartAsync();
        var store = new InMemoryExecutionStateStore();
        decimal price = Math.Round(await venue.MidAsync("BTC"), 0);
        Order order;
        VenueOrderId venueOrderId;
        await using (var first = await LiveNode.StartAsync(venue, stateStore: store))
        {
            order = await first.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.02000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
            await first.WaitFor<OrderAccepted>(order.ClientOrderId);
            venueOrderId = first.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId)[0].VenueOrderId;
        }
        await venue.CounterpartyTakesAsync("BTC", isBuy: false, price, 0.005m); // while no node runs

        await using var second = await LiveNode.StartAsync(venue, stateStore: store);
        await LiveNode.WaitUntil(() => second.Node.Cache.Order(order.ClientOrderId)?.FilledQty.ToDecimal() == 0.005m, "the missed fill reconciled");

        (await second.Read(n => n.Cache.OrdersOpen().Count)).ShouldBe(1);
        (await second.Read(n => n.Cache.Order(order.ClientOrderId)!.VenueOrderId)).ShouldBe(venueOrderId);
        (await second.Read(n => n.Cache.NetPosition(Btc))).ShouldBe(0.005m);
        var open = await venue.OpenOrdersAsync();
        open.Count.ShouldBe(1);
        open[0].Oid.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(venueOrderId.Value);

        // The restored order is still ours to manage: cancel it by its cloid.
        await second.OnKernel(s => s.CancelOrder(second.Node.Cache.Order(order.ClientOrderId)!));
        await LiveNode.WaitUntil(() => second.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Canceled, "the restored order canceled");
        (await venue.OpenOrdersAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_refused_or_failed_request_is_retried_with_the_same_cloid_and_placed_once(int httpStatus)
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.95m, 0);

        venue.Sim.FailNextRequests(httpStatus, count: 2);
        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId).Count.ShouldBe(1);
        live.Strategy.EventsOf<OrderRejected>(order.ClientOrderId).ShouldBeEmpty();
        var open = await venue.OpenOrdersAsync();
        open.Count.ShouldBe(1);
        open[0].Cloid.ShouldBe(order.ClientOrderId.ToCloidHex());
    }

    [Fact]
    public async Task Orders_go_over_the_websocket_post_channel_when_configured()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue, c => c with { UseWebSocketPost = true });

        Order order = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await LiveNode.WaitUntil(() => live.Node.Cache.Order(order.ClientOrderId)?.Status == OrderStatus.Filled, "the market order filled");
        live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId).Count.ShouldBe(1);
        live.Client.WebSocketPostsSent.ShouldBeGreaterThanOrEqualTo(1);
    }
}
