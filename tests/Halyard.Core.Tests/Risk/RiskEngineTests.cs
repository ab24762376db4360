using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Core.Tests.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Risk;

public class RiskEngineTests
{
    private readonly LimitStrategy _strategy = new();

    private KernelHarness Harness(RiskEngineConfig? config = null)
    {
        var h = new KernelHarness(config, _strategy);
        h.StartStrategies();
        _strategy.SubscribeQuotes(h.Id);
        h.Quote("3000.0", "3000.5");
        return h;
    }

    private static string? DenialOf(Order order) =>
        order.Events.OfType<OrderDenied>().SingleOrDefault()?.Reason;

    [Fact]
    public void A_valid_order_passes()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        order.Status.ShouldBe(OrderStatus.Accepted);
        h.Kernel.Risk.DeniedCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("2990.05", "price precision 2 exceeds the instrument's 1")]
    [InlineData("2990.1", null)] // on the tick, 5 significant figures
    [InlineData("12345.6", "more than 5 significant figures")]
    public void Prices_must_fit_the_instrument(string price, string? reason)
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", price);
        h.Drain();
        if (reason is null) DenialOf(order).ShouldBeNull();
        else DenialOf(order).ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Sizes_must_be_a_multiple_of_the_lot()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.0105", "2990.0");
        h.Drain();
        DenialOf(order).ShouldNotBeNull().ShouldContain("quantity precision 4 exceeds the instrument's 3");
        order.Status.ShouldBe(OrderStatus.Denied);
        h.Venue.Calls.ShouldNotContain(c => c.StartsWith("submit"));
    }

    [Fact]
    public void An_order_for_an_unknown_instrument_is_denied()
    {
        var h = Harness();
        Order order = _strategy.Buy(InstrumentId.Perpetual("DOGE"), "1", "0.1");
        h.Drain();
        DenialOf(order).ShouldNotBeNull().ShouldContain("DOGE-USD-PERP.HYPERLIQUID is not in the cache");
    }

    [Fact]
    public void Halted_trading_denies_orders_but_lets_cancels_through()
    {
        var h = Harness();
        Order resting = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        h.Kernel.Risk.SetTradingState(TradingState.Halted, "test");

        Order denied = _strategy.Buy(h.Id, "0.010", "2990.0");
        _strategy.Cancel(resting);
        h.Drain();

        DenialOf(denied).ShouldBe("trading is HALTED");
        resting.Status.ShouldBe(OrderStatus.Canceled);
    }

    [Fact]
    public void Reducing_trading_allows_only_orders_that_shrink_the_position()
    {
        var h = Harness();
        _strategy.Market(h.Id, OrderSide.Buy, "0.100");
        h.Drain();
        h.Kernel.Risk.SetTradingState(TradingState.Reducing, "drawdown");

        Order increase = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order flip = _strategy.Place(h.Id, OrderSide.Sell, "0.200", "3100.0");
        Order reduce = _strategy.Place(h.Id, OrderSide.Sell, "0.050", "3100.0");
        h.Drain();

        DenialOf(increase).ShouldNotBeNull().ShouldStartWith("trading is REDUCING");
        DenialOf(flip).ShouldNotBeNull().ShouldStartWith("trading is REDUCING");
        reduce.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void A_reduce_only_order_that_would_not_reduce_is_denied()
    {
        var h = Harness();
        Order whenFlat = _strategy.Place(h.Id, OrderSide.Sell, "0.010", "3100.0", reduceOnly: true);
        h.Drain();
        DenialOf(whenFlat).ShouldNotBeNull().ShouldContain("reduce-only Sell 0.010 would not reduce the position (0)");

        _strategy.Market(h.Id, OrderSide.Buy, "0.100");
        h.Drain();
        Order sameSide = _strategy.Place(h.Id, OrderSide.Buy, "0.010", "2900.0", reduceOnly: true);
        Order fits = _strategy.Place(h.Id, OrderSide.Sell, "0.100", "3100.0", reduceOnly: true);
        h.Drain();
        DenialOf(sameSide).ShouldNotBeNull().ShouldContain("would not reduce");
        fits.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void Notional_above_the_maximum_is_denied_and_market_orders_are_valued_at_the_quote()
    {
        var h = Harness(new RiskEngineConfig { MaxNotionalPerOrder = 1_000m });
        Order limit = _strategy.Buy(h.Id, "0.400", "2990.0");   // 1196
        Order market = _strategy.Market(h.Id, OrderSide.Buy, "0.334"); // 0.334 × 3000.5 = 1002.167
        Order small = _strategy.Market(h.Id, OrderSide.Buy, "0.333");  // 999.1665
        h.Drain();

        DenialOf(limit).ShouldNotBeNull().ShouldContain("notional 1196 USD exceeds the maximum 1000 per order");
        DenialOf(market).ShouldNotBeNull().ShouldContain("notional 1002.167 USD exceeds");
        small.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void Without_any_price_a_market_order_cannot_pass_a_notional_limit()
    {
        var h = new KernelHarness(new RiskEngineConfig { MaxNotionalPerOrder = 1_000m }, _strategy);
        h.StartStrategies();
        Order market = _strategy.Market(h.Id, OrderSide.Buy, "0.010");
        h.Drain();
        DenialOf(market).ShouldNotBeNull().ShouldContain("no price for ETH-USD-PERP.HYPERLIQUID");
    }

    [Fact]
    public void A_per_instrument_limit_overrides_the_global_one()
    {
        var h = Harness(new RiskEngineConfig { MaxNotionalPerOrder = 1_000_000m, MaxNotionalPerInstrument = new Dictionary<InstrumentId, decimal> { [TestInstruments.Eth().Id] = 100m } });
        Order order = _strategy.Buy(h.Id, "0.100", "2990.0");
        h.Drain();
        DenialOf(order).ShouldNotBeNull().ShouldContain("exceeds the maximum 100");
    }

    [Fact]
    public void Notional_below_the_venue_minimum_is_denied_unless_it_reduces()
    {
        var h = Harness();
        Order tiny = _strategy.Buy(h.Id, "0.001", "2990.0"); // 2.99 < 10
        h.Drain();
        DenialOf(tiny).ShouldNotBeNull().ShouldContain("below the venue minimum 10");
    }

    [Fact]
    public void The_submit_rate_is_a_token_bucket_on_the_kernel_clock()
    {
        var h = Harness(new RiskEngineConfig { MaxOrderSubmitRate = 2, SubmitRateInterval = TimeSpan.FromSeconds(1) });
        Order a = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order b = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order c = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        DenialOf(a).ShouldBeNull();
        DenialOf(b).ShouldBeNull();
        DenialOf(c).ShouldNotBeNull().ShouldStartWith("order submit rate exceeded (2 per 00:00:01)");

        h.Clock.AdvanceAndFire(h.Clock.UtcNowNs + 500_000_000); // half the interval refills one token
        Order d = _strategy.Buy(h.Id, "0.010", "2990.0");
        Order e = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        DenialOf(d).ShouldBeNull();
        DenialOf(e).ShouldNotBeNull();
    }

    [Fact]
    public void A_plugged_in_check_can_deny()
    {
        var h = Harness();
        h.Kernel.Risk.AddCheck(new NoBuysCheck());
        Order buy = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        DenialOf(buy).ShouldBe("no buys today");
    }

    [Fact]
    public void An_invalid_modify_is_rejected_and_the_order_keeps_working()
    {
        var h = Harness();
        Order order = _strategy.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        _strategy.Modify(order, "2990.05");
        h.Drain();
        order.Events.OfType<OrderModifyRejected>().ShouldHaveSingleItem().Reason.ShouldContain("price precision 2");
        order.Status.ShouldBe(OrderStatus.Accepted);
        order.Price.ShouldBe(Price.Parse("2990.0"));
    }

    [Fact]
    public void A_list_with_one_bad_order_is_denied_as_a_whole()
    {
        var h = Harness();
        var factory = new OrderFactory(h.Kernel.TraderId, _strategy.Id, () => h.Clock.UtcNowNs,
            new ClientOrderIdGenerator(h.Kernel.TraderId, _strategy.Id, () => h.Clock.UtcNowNs, initialCount: 1000));
        Order good = factory.Limit(h.Id, OrderSide.Buy, Quantity.Parse("0.010"), Price.Parse("2990.0"));
        Order bad = factory.Limit(h.Id, OrderSide.Buy, Quantity.Parse("0.010"), Price.Parse("2990.05"));
        h.Kernel.Risk.Execute(new SubmitOrderList(h.Kernel.TraderId, _strategy.Id, [good, bad], Guid.NewGuid(), h.Clock.UtcNowNs));
        h.Drain();
        DenialOf(bad).ShouldNotBeNull().ShouldContain("price precision");
        DenialOf(good).ShouldNotBeNull().ShouldStartWith("another order of its list was denied");
    }

    [Fact]
    public void Config_errors_name_the_field()
    {
        Should.Throw<ArgumentException>(() => new RiskEngineConfig { MaxOrderSubmitRate = 0 }.Validate()).ParamName.ShouldBe("MaxOrderSubmitRate");
        Should.Throw<ArgumentException>(() => new RiskEngineConfig { MaxNotionalPerOrder = -1 }.Validate()).ParamName.ShouldBe("MaxNotionalPerOrder");
        Should.Throw<ArgumentException>(() => new RiskEngineConfig { SubmitRateInterval = TimeSpan.Zero }.Validate()).ParamName.ShouldBe("SubmitRateInterval");
    }

    private sealed class NoBuysCheck : IPreTradeCheck
    {
        public string? Check(Order order, TradingCommand command) => order.Side == OrderSide.Buy ? "no buys today" : null;
    }
}
