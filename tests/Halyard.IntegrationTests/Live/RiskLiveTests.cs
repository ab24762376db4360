using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.Samples;
using Halyard.Samples.Momentum;

namespace Halyard.IntegrationTests.Live;

/// <summary>The risk manager in a node trading on the simulator over real sockets: stops at the venue, limits, kill switch.</summary>
public sealed class RiskLiveTests
{
    private static readonly InstrumentId Btc = LiveVenue.Btc;

    private static bool IsStop(FrontendOpenOrder o) => o.IsTrigger && o.OrderType == "Stop Market";

    [Fact]
    public async Task A_new_position_gets_its_stop_at_the_venue_and_when_the_mark_moves_through_it_the_position_closes()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await RiskLiveNode.StartAsync(venue, new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0.02m) });

        Order entry = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderFilled>(entry.ClientOrderId);
        await LiveNode.WaitUntil(() => live.Node.Cache.NetPosition(Btc) == 0.01m, "the node's long of 0.01 BTC");

        FrontendOpenOrder stop = (await live.VenueOrdersUntil(o => o.Any(IsStop), "the stop at the venue")).Single();
        Position position = live.Node.Cache.PositionsOpen(Btc).Single();
        Order nodeStop = (await live.Read(_ => live.Risk.ProtectionOf(position.Id))).ShouldNotBeNull().StopLoss.ShouldNotBeNull();
        stop.Side.ShouldBe("A");
        stop.Sz.ShouldBe(0.01m);
        stop.ReduceOnly.ShouldBeTrue();
        stop.Cloid.ShouldNotBeNull();
        stop.TriggerPx.ShouldBe(nodeStop.TriggerPrice!.Value.ToDecimal());
        stop.TriggerPx!.Value.ShouldBeInRange(position.AvgPxOpen * 0.979m, position.AvgPxOpen * 0.98m);
        (await live.Read(_ => live.Risk.ProtectionOf(position.Id)!.IsProtected)).ShouldBeTrue();

        await live.MovePriceAsync("BTC", Math.Round(stop.TriggerPx.Value * 0.99m, 0));

        await LiveNode.WaitUntil(() => live.Node.Cache.NetPosition(Btc) == 0m, "the stop closing the position in the node");
        (await live.VenuePositionAsync()).ShouldBe(0m);
        await live.VenueOrdersUntil(o => o.Count == 0, "nothing working at the venue");
        await LiveNode.WaitUntil(() => live.Node.Cache.Order(nodeStop.ClientOrderId)!.Status == OrderStatus.Filled, "the node's stop filled");
        (await live.Read(_ => live.Risk.UnprotectedAlertCount)).ShouldBe(0);
    }

    [Fact]
    public async Task An_oversize_order_is_denied_in_the_node_and_never_reaches_the_venue_while_one_within_the_limits_trades()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await RiskLiveNode.StartAsync(venue, new RiskManagerConfig
        {
            StopLoss = ProtectiveDistance.Percent(0.02m),
            MaxPositionSize = 0.05m,
            MaxOrderNotional = 2_000m,
        });
        long ordersBefore = venue.Sim.Stats().OrdersTotal;

        Order tooBig = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.10000")));
        await live.WaitFor<OrderDenied>(tooBig.ClientOrderId);
        live.Strategy.EventsOf<OrderDenied>(tooBig.ClientOrderId).Single().Reason.ShouldContain("MaxPositionSize exceeded");

        decimal mid = await venue.MidAsync("BTC");
        Order tooValuable = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.04000"), Price.FromDecimal(Math.Round(mid * 0.9m, 0), 1)));
        await live.WaitFor<OrderDenied>(tooValuable.ClientOrderId);
        live.Strategy.EventsOf<OrderDenied>(tooValuable.ClientOrderId).Single().Reason.ShouldContain("MaxOrderNotional exceeded");

        await Task.Delay(300, TestContext.Current.CancellationToken); // anything sent would have arrived by now
        venue.Sim.Stats().OrdersTotal.ShouldBe(ordersBefore);
        (await venue.OpenOrdersAsync()).ShouldBeEmpty();
        (await live.VenuePositionAsync()).ShouldBe(0m);
        live.Strategy.EventsOf<OrderSubmitted>(tooBig.ClientOrderId).ShouldBeEmpty();

        Order within = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderFilled>(within.ClientOrderId);
        await live.VenueOrdersUntil(o => o.Count(IsStop) == 1, "the stop of the allowed position");
        (await live.VenuePositionAsync()).ShouldBe(0.01m);
    }

    [Fact]
    public async Task The_kill_switch_halts_cancels_everything_at_the_venue_flattens_and_denies_new_orders()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await RiskLiveNode.StartAsync(venue, new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0.02m) });

        Order entry = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderFilled>(entry.ClientOrderId);
        decimal mid = await venue.MidAsync("BTC");
        Order resting = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(Math.Round(mid * 0.9m, 0), 1)));
        await live.WaitFor<OrderAccepted>(resting.ClientOrderId);
        await live.VenueOrdersUntil(o => o.Count == 2 && o.Count(IsStop) == 1, "the resting buy and the stop at the venue");

        await live.OnKernel(() => live.Risk.Halt("operator kill switch", flatten: true));

        live.Risk.TradingState.ShouldBe(TradingState.Halted);
        await live.VenueOrdersUntil(o => o.Count == 0, "every order canceled at the venue");
        await LiveNode.WaitUntil(() => live.Node.Cache.NetPosition(Btc) == 0m, "the position flattened in the node");
        (await live.VenuePositionAsync()).ShouldBe(0m);
        await live.WaitFor<OrderCanceled>(resting.ClientOrderId);

        long ordersBefore = venue.Sim.Stats().OrdersTotal;
        Order after = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderDenied>(after.ClientOrderId);
        live.Strategy.EventsOf<OrderDenied>(after.ClientOrderId).Single().Reason.ShouldContain("HALTED", Case.Insensitive);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        venue.Sim.Stats().OrdersTotal.ShouldBe(ordersBefore);
    }
    [Fact]
    public async Task The_sample_strategy_trades_on_the_living_market_within_a_minute_and_its_position_has_its_stop_at_the_venue()
    {
        await using var venue = await LiveVenue.StartAsync(o => o with { StartPaused = false, TickInterval = TimeSpan.FromMilliseconds(250) });
        var strategy = new EmaCrossStrategy(new EmaCrossStrategyConfig { StrategyId = "EMACROSS-BTC", Instruments = [Btc], OrderNotional = SampleStrategies.EntryNotional });
        await using var live = await RiskLiveNode.StartAsync(venue, SampleStrategies.Risk, strategy);

        await LiveNode.WaitUntil(() => live.Node.Cache.PositionsOpen(Btc, strategy.Id).Count > 0, "the sample's first position", TimeSpan.FromSeconds(60));

        // The market keeps moving (the strategy may flip meanwhile): wait for a moment when the venue's position and stop agree.
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            decimal position = await live.VenuePositionAsync();
            IReadOnlyList<FrontendOpenOrder> orders = await venue.OpenOrdersAsync();
            if (position != 0 && orders.Any(o => IsStop(o) && o.ReduceOnly && o.Sz == Math.Abs(position) && o.IsBuy == position < 0)) break;
            if (DateTime.UtcNow > limit)
                throw new TimeoutException($"no moment with the position ({position}) covered by its stop; the venue has: {string.Join("; ", orders.Select(o => $"{o.Side} {o.Sz} {o.OrderType}"))}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        strategy.OrdersSubmitted.ShouldBeGreaterThan(0);
        (await live.Read(_ => live.Risk.UnprotectedAlertCount)).ShouldBe(0);
    }
}
