using Halyard.Core.Model;
using static Halyard.Core.Tests.Model.Orders.TestOrders;

namespace Halyard.Core.Tests.Model.Orders;

public class OrderFactoryTests
{
    private static readonly Quantity One = Quantity.Parse("1.0");

    [Fact]
    public void Factory_stamps_ids_and_the_clock_time()
    {
        long now = T0;
        var factory = new OrderFactory(Trader, Strategy, () => now);
        Order first = factory.Limit(Btc, OrderSide.Buy, One, Price.Parse("100.5"), postOnly: true);
        now += 1_000_000_000;
        Order second = factory.Market(Btc, OrderSide.Sell, One, reduceOnly: true, slippagePct: 0.05m);

        first.TraderId.ShouldBe(Trader);
        first.StrategyId.ShouldBe(Strategy);
        first.TsInit.ShouldBe(T0);
        first.TsLast.ShouldBe(T0);
        first.Status.ShouldBe(OrderStatus.Initialized);
        first.ClientOrderId.Value.ShouldBe("O-20251124-160000-001-001-1");
        first.PostOnly.ShouldBeTrue();
        first.Price.ShouldBe(Price.Parse("100.5"));
        first.LeavesQty.ShouldBe(One);
        first.Events.Single().ShouldBeOfType<OrderInitialized>();

        second.ClientOrderId.Value.ShouldBe("O-20251124-160001-001-001-2");
        second.TsInit.ShouldBe(T0 + 1_000_000_000);
        second.OrderType.ShouldBe(OrderType.Market);
        second.TimeInForce.ShouldBe(TimeInForce.Ioc);
        second.ReduceOnly.ShouldBeTrue();
        second.SlippagePct.ShouldBe(0.05m);
        second.Price.ShouldBeNull();
    }

    [Fact]
    public void Factory_makes_every_order_type_with_its_prices()
    {
        OrderFactory f = Factory();
        Price px = Price.Parse("100"), trigger = Price.Parse("95");
        f.StopMarket(Btc, OrderSide.Sell, One, trigger, triggerType: TriggerType.MarkPrice)
            .ShouldSatisfyAllConditions(o => o.OrderType.ShouldBe(OrderType.StopMarket), o => o.TriggerPrice.ShouldBe(trigger),
                o => o.TriggerType.ShouldBe(TriggerType.MarkPrice), o => o.HasTrigger.ShouldBeTrue());
        f.StopLimit(Btc, OrderSide.Sell, One, px, trigger).ShouldSatisfyAllConditions(o => o.Price.ShouldBe(px), o => o.TriggerPrice.ShouldBe(trigger));
        f.MarketIfTouched(Btc, OrderSide.Sell, One, trigger).OrderType.ShouldBe(OrderType.MarketIfTouched);
        f.LimitIfTouched(Btc, OrderSide.Sell, One, px, trigger, timeInForce: TimeInForce.Gtd, expireTimeNs: T0 + 1)
            .ShouldSatisfyAllConditions(o => o.OrderType.ShouldBe(OrderType.LimitIfTouched), o => o.ExpireTimeNs.ShouldBe(T0 + 1));
    }

    [Fact]
    public void Quantity_must_be_positive() =>
        Error(() => Factory().Limit(Btc, OrderSide.Buy, Quantity.Zero(1), Price.Parse("1")), "quantity", "quantity must be positive, was 0.0");

    [Fact]
    public void Post_only_applies_only_to_orders_with_a_limit_price()
    {
        var init = Factory().Market(Btc, OrderSide.Buy, One).Init with { PostOnly = true };
        Error(() => new Order(init), "postOnly", "post-only applies only to orders with a limit price, not Market");
        Error(() => Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1"), TimeInForce.Ioc, postOnly: true), "postOnly", "cannot be IOC");
    }

    [Fact]
    public void Limit_orders_need_a_price_and_stops_a_trigger()
    {
        var limit = Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1")).Init;
        Error(() => new Order(limit with { Price = null }), "price", "a Limit order needs a limit price");
        Error(() => new Order(limit with { Price = Price.Parse("-1") }), "price", "price must be positive");
        var stop = Factory().StopMarket(Btc, OrderSide.Sell, One, Price.Parse("1")).Init;
        Error(() => new Order(stop with { TriggerPrice = null }), "triggerPrice", "a StopMarket order needs a trigger price");
        Error(() => new Order(stop with { Price = Price.Parse("1") }), "price", "a StopMarket order takes no limit price");
        Error(() => new Order(limit with { TriggerPrice = Price.Parse("1") }), "triggerPrice", "a Limit order takes no trigger price");
    }

    [Fact]
    public void Gtd_needs_an_expire_time_in_the_future_and_only_gtd_takes_one()
    {
        Error(() => Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1"), TimeInForce.Gtd), "expireTimeNs", "a GTD order needs an expire time");
        Error(() => Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1"), TimeInForce.Gtc, expireTimeNs: T0 + 5), "expireTimeNs", "needs time in force GTD, was GTC");
        Error(() => Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1"), TimeInForce.Gtd, expireTimeNs: T0), "expireTimeNs", "is not after the order's creation");
    }

    [Fact]
    public void Slippage_is_a_fraction_for_market_orders_only()
    {
        Error(() => Factory().Market(Btc, OrderSide.Buy, One, slippagePct: 5m), "slippagePct", "between 0 and 1");
        var limit = Factory().Limit(Btc, OrderSide.Buy, One, Price.Parse("1")).Init;
        Error(() => new Order(limit with { SlippagePct = 0.01m }), "slippagePct", "only to market-type orders");
    }

    [Fact]
    public void Side_must_be_buy_or_sell() =>
        Error(() => Factory().Market(Btc, OrderSide.NoOrderSide, One), "side", "side must be Buy or Sell");

    private static void Error(Action create, string field, string message)
    {
        var ex = Should.Throw<ArgumentException>(create);
        ex.ParamName.ShouldBe(field);
        ex.Message.ShouldContain(message);
    }
}
