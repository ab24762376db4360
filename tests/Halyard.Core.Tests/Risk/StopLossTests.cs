using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Tests.Risk;

public class StopLossTests
{
    private static readonly RiskManagerConfig TwoPercent = new() { StopLoss = ProtectiveDistance.Percent(0.02m) };

    [Fact]
    public void A_long_gets_a_reduce_only_sell_stop_two_percent_below_its_entry()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");

        // 3000.5 × 0.98 = 2940.49 → rounded down onto the 0.1 tick.
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2940.4 reduce-only"]);
        h.Stop.Tags.ShouldBe([RiskTags.StopLoss]);
        h.Stop.StrategyId.ShouldBe(h.Strategy.Id);
        h.Protection.IsProtected.ShouldBeTrue();
        h.Protection.UnprotectedSinceNs.ShouldBeNull();
    }

    [Fact]
    public void A_short_gets_a_buy_stop_above_its_entry_at_an_absolute_distance()
    {
        var h = new RiskHarness(new RiskManagerConfig { StopLoss = ProtectiveDistance.Absolute(25m) });
        h.Quote("3000.0", "3000.5");
        h.Sell("0.200");

        h.Venue.WorkingOrders().ShouldBe(["Buy 0.200 StopMarket trigger 3025.0 reduce-only"]);
    }

    [Fact]
    public void The_stop_triggers_when_the_bid_crosses_it_and_the_position_closes()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order stop = h.Stop;

        h.Quote("2950.0", "2950.5");
        h.Position!.IsOpen.ShouldBeTrue();
        h.Quote("2940.0", "2940.5"); // bid 2940.0 ≤ trigger 2940.4

        stop.Status.ShouldBe(OrderStatus.Filled);
        h.Position!.IsClosed.ShouldBeTrue();
        h.Venue.NetPosition(h.Eth.Id).ShouldBe(0m);
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void A_take_profit_is_placed_with_the_stop_and_the_stop_is_canceled_when_it_fills()
    {
        var h = new RiskHarness(TwoPercent with { TakeProfit = new TakeProfitConfig(ProtectiveDistance.Percent(0.01m)) });
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        // 3000.5 × 1.01 = 3030.505 → rounded up (away from the entry) to 3030.6.
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2940.4 reduce-only", "Sell 0.500 MarketIfTouched trigger 3030.6 reduce-only"]);

        h.Quote("3031.0", "3031.5");

        h.Position!.IsClosed.ShouldBeTrue();
        h.Position.RealizedPnl.Amount.ShouldBeGreaterThan(0m);
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Kernel.Cache.OrdersOpenCount().ShouldBe(0);
    }

    [Fact]
    public void A_limit_if_touched_take_profit_rests_at_its_trigger()
    {
        var h = new RiskHarness(TwoPercent with { TakeProfit = new TakeProfitConfig(ProtectiveDistance.Absolute(30m), OrderType.LimitIfTouched) });
        h.Quote("3000.0", "3000.5");
        h.Sell("0.100");
        h.Venue.WorkingOrders().ShouldBe(["Buy 0.100 StopMarket trigger 3060.0 reduce-only", "Buy 0.100 LimitIfTouched @ 2970.0 trigger 2970.0 reduce-only"]);
    }

    [Fact]
    public void When_the_position_grows_the_stop_is_resized_and_moved_to_the_new_average_entry()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order stop = h.Stop;
        h.Quote("3100.0", "3100.5");
        h.Buy("0.500");

        // Average (3000.5 + 3100.5) / 2 = 3050.5; × 0.98 = 2989.49 → 2989.4. Same order, modified.
        h.Stop.ShouldBeSameAs(stop);
        h.Venue.WorkingOrders().ShouldBe(["Sell 1.000 StopMarket trigger 2989.4 reduce-only"]);
        h.Venue.Calls.ShouldContain($"modify {stop.ClientOrderId}");
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void When_the_venue_refuses_the_modify_the_stop_is_replaced_by_a_new_one_before_the_old_is_canceled()
    {
        var h = new RiskHarness(TwoPercent);
        h.Venue.RejectModifies = true;
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order first = h.Stop;
        h.Buy("0.300");

        h.Stop.ShouldNotBeSameAs(first);
        first.Status.ShouldBe(OrderStatus.Canceled);
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.800 StopMarket trigger 2940.4 reduce-only"]);
        int placed = h.Venue.Calls.IndexOf($"submit {h.Stop.ClientOrderId}");
        int canceled = h.Venue.Calls.IndexOf($"cancel {first.ClientOrderId}");
        placed.ShouldBeLessThan(canceled);
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void When_the_strategy_reduces_the_position_the_stop_shrinks_with_it()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        h.Sell("0.200");

        h.Venue.WorkingOrders().ShouldBe(["Sell 0.300 StopMarket trigger 2940.4 reduce-only"]);
    }

    [Fact]
    public void When_the_position_closes_the_stop_is_canceled()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order stop = h.Stop;
        h.Sell("0.500");

        stop.Status.ShouldBe(OrderStatus.Canceled);
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void When_the_position_flips_the_old_stop_is_canceled_and_a_stop_on_the_other_side_placed()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order longStop = h.Stop;
        h.Sell("0.800"); // flips to short 0.300 at the bid 3000.0

        longStop.Status.ShouldBe(OrderStatus.Canceled);
        h.Position!.SignedQty.ShouldBe(-0.3m);
        h.Venue.WorkingOrders().ShouldBe(["Buy 0.300 StopMarket trigger 3060.0 reduce-only"]);
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void A_stop_canceled_by_the_venue_is_replaced_at_once()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order first = h.Stop;

        h.Venue.CancelByVenue(first.ClientOrderId).ShouldBeTrue();
        h.Drain();

        h.Stop.ShouldNotBeSameAs(first);
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2940.4 reduce-only"]);
        h.Protection.IsProtected.ShouldBeTrue();
        h.Protection.LastProblem.ShouldContain("canceled by the venue");
    }

    [Fact]
    public void A_rejected_stop_is_placed_again_after_the_retry_delay()
    {
        var h = new RiskHarness(TwoPercent with { RetryDelay = TimeSpan.FromMilliseconds(200), ProtectionTimeout = TimeSpan.FromSeconds(2) });
        h.Venue.RejectOrders = o => o.OrderType == OrderType.StopMarket ? "Insufficient margin" : null;
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");

        h.Protection.IsProtected.ShouldBeFalse();
        h.Protection.LastProblem.ShouldContain("Insufficient margin");
        h.Venue.WorkingOrders().ShouldBeEmpty();
        int rejected = h.Strategy.Events.OfType<OrderRejected>().Count();
        rejected.ShouldBe(1);

        h.Advance(TimeSpan.FromMilliseconds(199));
        h.Strategy.Events.OfType<OrderRejected>().Count().ShouldBe(1); // no hammering the venue

        h.Venue.RejectOrders = null;
        h.Advance(TimeSpan.FromMilliseconds(1));
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2940.4 reduce-only"]);
        h.Protection.IsProtected.ShouldBeTrue();
        h.Advance(TimeSpan.FromSeconds(5));
        h.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void A_position_still_unprotected_after_the_timeout_raises_an_alert_and_keeps_retrying()
    {
        var h = new RiskHarness(TwoPercent with { RetryDelay = TimeSpan.FromMilliseconds(500), ProtectionTimeout = TimeSpan.FromSeconds(3) });
        h.Venue.RejectOrders = o => o.OrderType == OrderType.StopMarket ? "Order price cannot be more than 95% away from the reference price" : null;
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        long since = h.Protection.UnprotectedSinceNs.ShouldNotBeNull();

        h.Advance(TimeSpan.FromMilliseconds(2_999));
        h.Alerts.ShouldBeEmpty();
        h.Advance(TimeSpan.FromMilliseconds(1));

        PositionUnprotected alert = h.Alerts.ShouldHaveSingleItem();
        alert.PositionId.ShouldBe(h.EthPosition);
        alert.SignedQty.ShouldBe(0.5m);
        alert.UnprotectedSinceNs.ShouldBe(since);
        alert.TsEvent.ShouldBe(since + 3_000_000_000);
        alert.Reason.ShouldContain("95% away");
        h.Strategy.Events.OfType<OrderRejected>().Count().ShouldBe(7); // at 0, 0.5 … 3.0 s

        h.Advance(TimeSpan.FromSeconds(3));
        h.Alerts.Count.ShouldBe(2); // raised again while it lasts
        h.Manager.UnprotectedAlertCount.ShouldBe(2);
        h.Position!.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void With_flatten_unprotected_a_position_that_cannot_be_protected_is_closed()
    {
        var h = new RiskHarness(TwoPercent with { ProtectionTimeout = TimeSpan.FromSeconds(1), FlattenUnprotected = true });
        h.Venue.RejectOrders = o => o.OrderType == OrderType.StopMarket ? "rejected" : null;
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");

        h.Advance(TimeSpan.FromSeconds(1));

        h.Alerts.ShouldHaveSingleItem();
        h.Position!.IsClosed.ShouldBeTrue();
        h.Kernel.Cache.Orders(h.Eth.Id).Last().Tags.ShouldBe([RiskTags.Flatten]);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Alerts.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_stop_that_fills_partially_keeps_covering_what_is_left()
    {
        var h = new RiskHarness(TwoPercent);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order stop = h.Stop;

        h.Venue.FillPartially(stop.ClientOrderId, Quantity.Parse("0.200"));
        h.Drain();

        h.Position!.SignedQty.ShouldBe(0.3m);
        stop.Status.ShouldBe(OrderStatus.PartiallyFilled);
        stop.LeavesQty.ShouldBe(Quantity.Parse("0.300"));
        h.Protection.IsProtected.ShouldBeTrue();
        h.Venue.WorkingTriggers(h.Eth.Id).Sum(t => t.Leaves.ToDecimal()).ShouldBe(0.3m);
    }

    [Fact]
    public void A_stop_denied_by_the_risk_engine_is_retried()
    {
        var h = new RiskHarness(TwoPercent with { RetryDelay = TimeSpan.FromMilliseconds(100) },
            engine: new RiskEngineConfig { MaxOrderSubmitRate = 1, SubmitRateInterval = TimeSpan.FromMilliseconds(50) });
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500"); // takes the only token: the stop right after it is denied

        h.Protection.LastProblem.ShouldContain("rate");
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Advance(TimeSpan.FromMilliseconds(100));
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2940.4 reduce-only"]);
    }

    [Fact]
    public void Without_a_configured_stop_no_protective_order_is_placed()
    {
        var h = new RiskHarness(new RiskManagerConfig());
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Advance(TimeSpan.FromMinutes(1));
        h.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void An_atr_stop_uses_the_fallback_percent_until_the_bars_warm_the_atr_up()
    {
        var spec = BarSpecification.Parse("1-MINUTE-LAST");
        var h = new RiskHarness(new RiskManagerConfig { StopLoss = ProtectiveDistance.Atr(2m, spec, period: 2) with { FallbackPercent = 0.01m } });
        var barType = new BarType(h.Eth.Id, spec);
        h.Venue.Calls.ShouldContain($"+bars {barType}");
        h.Quote("3000.0", "3000.5");
        h.Buy("0.100");
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.100 StopMarket trigger 2970.4 reduce-only"]); // 1 % fallback
        h.Sell("0.100");

        foreach (var (high, low, close) in new[] { ("3010.0", "2990.0", "3000.0"), ("3005.0", "2995.0", "3000.0") })
        {
            var bar = new Bar(barType, Price.Parse("3000.0"), Price.Parse(high), Price.Parse(low), Price.Parse(close), Quantity.Parse("1.000"), h.Clock.UtcNowNs, h.Clock.UtcNowNs);
            h.Kernel.Process(bar);
        }
        h.Manager.Atr(barType).ShouldBe(15m); // (20 + 10) / 2
        h.Buy("0.100");

        h.Venue.WorkingOrders().ShouldBe(["Sell 0.100 StopMarket trigger 2970.5 reduce-only"]); // 3000.5 − 2 × 15
    }
}
