using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Tests.Risk;

public class RiskLimitTests
{
    private static RiskHarness Quoted(RiskManagerConfig config, decimal balance = 10_000m)
    {
        var h = new RiskHarness(config, balance: balance);
        h.Quote("3000.0", "3000.5");
        h.Quote(h.Btc.Id, "60000", "60001");
        return h;
    }

    private static string DeniedReason(RiskHarness h, Order order)
    {
        order.Status.ShouldBe(OrderStatus.Denied);
        return h.Strategy.Denied.ShouldHaveSingleItem().Reason;
    }

    [Fact]
    public void An_order_that_would_take_the_position_over_the_max_size_is_denied_naming_the_limit()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionSize = 1m });
        h.Buy("0.600").Status.ShouldBe(OrderStatus.Filled);

        Order order = h.Buy("0.500");

        DeniedReason(h, order).ShouldStartWith("MaxPositionSize exceeded: the position in ETH-USD-PERP.HYPERLIQUID could reach 1.1");
        h.Venue.Calls.ShouldNotContain($"submit {order.ClientOrderId}");
        h.Buy("0.400").Status.ShouldBe(OrderStatus.Filled); // exactly at the limit is allowed
    }

    [Fact]
    public void Open_orders_on_the_same_side_count_towards_the_max_size()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionSize = 1m });
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.700", "2900.0")).Status.ShouldBe(OrderStatus.Accepted);

        Order order = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.400", "2800.0"));

        DeniedReason(h, order).ShouldContain("could reach 1.1");
    }

    [Fact]
    public void An_order_worth_more_than_the_max_order_notional_is_denied()
    {
        var h = Quoted(new RiskManagerConfig { MaxOrderNotional = 1_000m });
        Order order = h.Buy("0.400"); // 0.4 × ask 3000.5 = 1200.2
        DeniedReason(h, order).ShouldBe("MaxOrderNotional exceeded: the order is worth 1200.2, the limit is 1000");
    }

    [Fact]
    public void A_position_worth_more_than_the_max_position_notional_is_denied()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionNotional = 2_000m });
        h.Buy("0.500").Status.ShouldBe(OrderStatus.Filled);
        Order order = h.Buy("0.200"); // 0.7 × 3000.5 = 2100.35
        DeniedReason(h, order).ShouldStartWith("MaxPositionNotional exceeded: the position in ETH-USD-PERP.HYPERLIQUID could be worth 2100.35");
    }

    [Fact]
    public void Exposure_over_all_instruments_is_capped_by_the_max_total_exposure()
    {
        var h = Quoted(new RiskManagerConfig { MaxTotalExposure = 5_000m });
        h.Run(() => h.Strategy.Market(h.Btc.Id, OrderSide.Buy, "0.05000")).Status.ShouldBe(OrderStatus.Filled); // ≈ 3000 at the mid
        Order order = h.Buy("0.700"); // 2100.35 more
        DeniedReason(h, order).ShouldStartWith("MaxTotalExposure exceeded: total exposure could reach 5100.3");
    }

    [Fact]
    public void Leverage_is_exposure_over_equity_and_is_capped()
    {
        var h = Quoted(new RiskManagerConfig { MaxLeverage = 2m }, balance: 1_000m);
        h.Buy("0.600").Status.ShouldBe(OrderStatus.Filled); // 1800.3 on ~1000 equity
        Order order = h.Buy("0.100");
        DeniedReason(h, order).ShouldStartWith("MaxLeverage exceeded: leverage could reach 2.1");
    }

    [Fact]
    public void The_number_of_open_orders_is_capped()
    {
        var h = Quoted(new RiskManagerConfig { MaxOpenOrders = 2 });
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2900.0"));
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2890.0"));
        Order order = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2880.0"));
        DeniedReason(h, order).ShouldBe("MaxOpenOrders reached: 2 orders open or in flight, the limit is 2");
    }

    [Fact]
    public void The_order_rate_is_capped_and_refills_with_time()
    {
        var h = Quoted(new RiskManagerConfig { MaxOrderRate = 2, OrderRateInterval = TimeSpan.FromSeconds(1) });
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2900.0"));
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2890.0"));
        Order order = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2880.0"));
        DeniedReason(h, order).ShouldBe("MaxOrderRate exceeded: more than 2 orders per 00:00:01");
        h.Advance(TimeSpan.FromMilliseconds(500));
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2880.0")).Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void Without_a_price_a_notional_limit_denies_rather_than_guesses()
    {
        var h = new RiskHarness(new RiskManagerConfig { MaxOrderNotional = 1_000m });
        Order order = h.Buy("0.100");
        DeniedReason(h, order).ShouldBe("no price known for ETH-USD-PERP.HYPERLIQUID to check the notional limits against");
    }

    [Fact]
    public void An_order_that_reduces_exposure_passes_even_when_the_position_already_breaches_the_limits()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionNotional = 2_000m, MaxTotalExposure = 2_000m, MaxLeverage = 0.2m, MaxOrderNotional = 2_000m, MaxOpenOrders = 1 });
        h.Buy("0.600").Status.ShouldBe(OrderStatus.Filled); // 1800.3
        h.Quote("4000.0", "4000.5"); // now worth 2400: every limit above is breached

        h.Buy("0.001").Status.ShouldBe(OrderStatus.Denied);
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.100", "4100.0")).Status.ShouldBe(OrderStatus.Accepted);
        h.Sell("0.300").Status.ShouldBe(OrderStatus.Filled); // open orders 1 ≥ MaxOpenOrders, still passes: it reduces
        h.Strategy.Denied.Count.ShouldBe(1);
    }

    [Fact]
    public void Reductions_that_together_with_open_orders_would_flip_the_position_are_checked()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionSize = 1m });
        h.Buy("1.000");
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.800", "3100.0")).Status.ShouldBe(OrderStatus.Accepted);
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.800", "3200.0")).Status.ShouldBe(OrderStatus.Accepted); // could end short 0.6: within 1
        Order third = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.800", "3300.0")); // could end short 1.4
        DeniedReason(h, third).ShouldContain("could reach -1.4");
    }

    [Fact]
    public void Selling_more_than_is_held_is_not_a_reduction_and_is_checked()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionSize = 1m });
        h.Buy("0.500");
        Order flip = h.Sell("2.000"); // would end short 1.5
        DeniedReason(h, flip).ShouldContain("could reach -1.5");
    }
    [Fact]
    public void A_reducing_order_left_working_when_the_stop_closed_the_position_is_canceled_if_it_would_now_breach_a_limit()
    {
        var h = Quoted(new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0.02m), MaxPositionNotional = 1_000m });
        h.Buy("0.300").Status.ShouldBe(OrderStatus.Filled); // 900 USD
        Order takeProfit = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.300", "3400.0"));
        takeProfit.Status.ShouldBe(OrderStatus.Accepted); // reduces: allowed
        Order reversal = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.010", "2000.0"));

        h.Quote("2900.0", "2900.5"); // through the 2 % stop: the long is closed

        h.Position!.IsClosed.ShouldBeTrue();
        takeProfit.Status.ShouldBe(OrderStatus.Canceled); // it would now open a short worth 0.3 × 3400 = 1020
        reversal.Status.ShouldBe(OrderStatus.Accepted);   // within the limits: left alone
        h.Venue.WorkingOrders().ShouldBe(["Buy 0.010 Limit @ 2000.0"]);
    }

    [Fact]
    public void A_formerly_reducing_order_within_the_limits_keeps_working_after_the_position_closed()
    {
        var h = Quoted(new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0.02m), MaxPositionNotional = 2_000m });
        h.Buy("0.300").Status.ShouldBe(OrderStatus.Filled);
        Order takeProfit = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.300", "3100.0"));

        h.Quote("2900.0", "2900.5");

        h.Position!.IsClosed.ShouldBeTrue();
        takeProfit.Status.ShouldBe(OrderStatus.Accepted); // a short of 930 would be within 2000
    }
    [Fact]
    public void The_projected_position_is_valued_at_the_highest_price_its_orders_can_fill_at()
    {
        var h = Quoted(new RiskManagerConfig { MaxPositionNotional = 2_000m });
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.300", "3400.0")).Status.ShouldBe(OrderStatus.Accepted);

        // 0.6 × 3100 = 1860 would pass, but the short is complete only when the sell at 3400 fills: 0.6 × 3400 = 2040.
        Order order = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.300", "3100.0"));

        DeniedReason(h, order).ShouldStartWith("MaxPositionNotional exceeded: the position in ETH-USD-PERP.HYPERLIQUID could be worth 2040");
    }

    [Fact]
    public void A_sell_limit_below_the_bid_is_valued_at_the_bid_it_fills_at()
    {
        var h = Quoted(new RiskManagerConfig { MaxOrderNotional = 1_000m });
        Order order = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.330", "2000.0")); // fills at the bid 3000.0: 990 would be 660 at its limit
        order.Status.ShouldBe(OrderStatus.Filled);
        Order bigger = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Sell, "0.340", "2000.0"));
        DeniedReason(h, bigger).ShouldBe("MaxOrderNotional exceeded: the order is worth 1020, the limit is 1000");
    }
}
