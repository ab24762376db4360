using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Model;

namespace Halyard.IntegrationTests.Live;

/// <summary>Orders the venue refuses end as OrderRejected with the exchange's own reason.</summary>
public sealed class LiveRejectionTests
{
    private static readonly InstrumentId Btc = LiveVenue.Btc;

    /// <summary>Our own pre-trade checks would refuse these orders first; here the venue must.</summary>
    internal static readonly TradingNodeConfig VenueChecksOnly = new() { CancelOrdersOnStop = false, Risk = new RiskEngineConfig { Bypass = true } };

    [Fact]
    public async Task Price_off_the_tick_is_rejected_with_the_venues_reason()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue, nodeConfig: VenueChecksOnly);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.9m, 0) + 0.5m; // six significant figures

        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderRejected>(order.ClientOrderId);
        live.Strategy.EventsOf<OrderRejected>(order.ClientOrderId).Single().Reason.ShouldContain("tick", Case.Insensitive);
        live.Metrics.OrderLatency.Snapshot().Count.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Order_beyond_the_margin_is_rejected_with_the_venues_reason()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue, nodeConfig: VenueChecksOnly);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.9m, 0);

        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("100.00000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderRejected>(order.ClientOrderId);
        live.Strategy.EventsOf<OrderRejected>(order.ClientOrderId).Single().Reason.ShouldContain("margin", Case.Insensitive);
    }

    [Fact]
    public async Task Order_the_simulator_is_told_to_reject_carries_that_reason()
    {
        await using var venue = await LiveVenue.StartAsync();
        await using var live = await LiveNode.StartAsync(venue, nodeConfig: VenueChecksOnly);
        venue.Sim.RejectNextOrder("Order could not be placed: test reason 42");

        Order order = await live.SubmitAsync(f => f.Market(Btc, OrderSide.Buy, Quantity.Parse("0.01000")));
        await live.WaitFor<OrderRejected>(order.ClientOrderId);
        live.Strategy.EventsOf<OrderRejected>(order.ClientOrderId).Single().Reason.ShouldBe("Order could not be placed: test reason 42");
        live.Strategy.EventsOf<OrderAccepted>(order.ClientOrderId).ShouldBeEmpty();
    }
}
