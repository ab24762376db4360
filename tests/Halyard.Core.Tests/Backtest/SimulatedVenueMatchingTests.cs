using Halyard.Core.Backtest;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Backtest.BacktestScenario;

namespace Halyard.Core.Tests.Backtest;

public class SimulatedVenueMatchingTests
{
    [Fact]
    public void Limit_order_rests_then_fills_at_its_price_when_the_market_trades_through()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("1999.0")))));
        (BacktestResult result, _) = Run([
            Q(T0, "2000.0", "2000.5"),
            T(T0 + 2 * Second, "1999.5", "3", AggressorSide.Seller),   // above our bid: nothing
            T(T0 + 3 * Second, "1998.5", "0.4", AggressorSide.Seller), // through: 0.4 of ours
            T(T0 + 4 * Second, "1998.0", "2", AggressorSide.Seller),   // through: the remaining 0.6
            Q(T0 + 5 * Second, "1998.0", "1998.5"),
        ], strategy);

        result.Fills.Select(f => (f.Quantity, f.Price, f.Liquidity, f.TsNs)).ShouldBe([
            (0.4m, 1999.0m, LiquiditySide.Maker, T0 + 3 * Second),
            (0.6m, 1999.0m, LiquiditySide.Maker, T0 + 4 * Second),
        ]);
        // maker 0.015 %: 0.4 × 1999 × 0.00015 = 0.11994; 0.6 × 1999 × 0.00015 = 0.17991
        result.Fills.Select(f => f.Fee).ShouldBe([0.11994m, 0.17991m]);
        result.Orders.Single().Status.ShouldBe(OrderStatus.Filled);
        strategy.Events.Select(e => e.Kind.ToString()).ShouldBe(["Submitted", "Accepted", "Filled", "Filled"]);
        result.Positions.Single().SignedQuantity.ShouldBe(1m);
    }

    [Fact]
    public void Resting_order_at_the_touch_fills_only_after_the_displayed_queue_ahead_traded()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("2000.0")))));
        (BacktestResult result, _) = Run([
            Q(T0, "2000.0", "2000.5", bidSize: "2"),                   // 2 ahead of us at 2000.0
            T(T0 + 2 * Second, "2000.0", "1.5", AggressorSide.Seller), // eats 1.5 of the queue
            T(T0 + 3 * Second, "2000.0", "1", AggressorSide.Seller),   // 0.5 queue, then 0.5 of ours
        ], strategy);

        result.Fills.Select(f => (f.Quantity, f.Price)).ShouldBe([(0.5m, 2000.0m)]);
    }

    [Fact]
    public void Ioc_limit_fills_what_the_quote_offers_and_cancels_the_rest()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("2001.0"), TimeInForce.Ioc))));
        (BacktestResult result, _) = Run([Q(T0, "2000.0", "2000.5", askSize: "0.3"), Q(T0 + 2 * Second, "2000.0", "2000.5")], strategy);

        result.Fills.Select(f => (f.Quantity, f.Price, f.Liquidity)).ShouldBe([(0.3m, 2000.5m, LiquiditySide.Taker)]);
        result.Fills.Single().Fee.ShouldBe(0.270068m); // 0.3 × 2000.5 × 0.00045 = 0.2700675, half-even to 6 decimals
        result.Orders.Single().Status.ShouldBe(OrderStatus.Canceled);
        result.Orders.Single().FilledQuantity.ShouldBe(0.3m);
    }

    [Fact]
    public void Post_only_order_that_would_cross_is_rejected_with_the_venue_reason()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("2000.5"), postOnly: true))));
        (BacktestResult result, _) = Run([Q(T0, "2000.0", "2000.5"), Q(T0 + 2 * Second, "2000.0", "2000.5")], strategy);

        result.Fills.ShouldBeEmpty();
        OrderRejected rejected = strategy.Events.OfType<OrderRejected>().Single();
        rejected.Reason.ShouldStartWith("Post only order would have immediately matched, bbo was 2000");
        result.Orders.Single().Status.ShouldBe(OrderStatus.Rejected);
    }

    [Fact]
    public void Stop_market_triggers_when_the_mid_crosses_and_sells_at_the_recorded_bid()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Market(s.Instrument, OrderSide.Buy, Qty("1")))),
            (T0 + 2 * Second, s => s.Submit(s.Orders.StopMarket(s.Instrument, OrderSide.Sell, Qty("1"), Px("1990.0"), reduceOnly: true))));
        (BacktestResult result, _) = Run([
            Q(T0, "2000.0", "2000.5"),
            Q(T0 + 3 * Second, "1995.0", "1995.5"),  // mid 1995.2: above the trigger
            Q(T0 + 4 * Second, "1989.0", "1989.5"),  // mid 1989.2: fires, sells at the bid
        ], strategy);

        result.Fills.Select(f => (f.Side, f.Quantity, f.Price, f.Liquidity, f.TsNs)).ShouldBe([
            (OrderSide.Buy, 1m, 2000.5m, LiquiditySide.Taker, T0 + 1 * Second),
            (OrderSide.Sell, 1m, 1989.0m, LiquiditySide.Taker, T0 + 4 * Second),
        ]);
        strategy.Events.OfType<OrderTriggered>().Count().ShouldBe(1);
        result.Positions.Sum(p => p.SignedQuantity).ShouldBe(0m);
        result.RealizedPnl.ShouldBe(-11.5m);
    }

    [Fact]
    public void Reduce_only_order_is_clamped_to_the_position_and_refused_when_flat_at_the_venue()
    {
        // With 1 s to the venue, the risk engine still sees 0.5 long when the later orders leave.
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Market(s.Instrument, OrderSide.Buy, Qty("0.5")))),
            (T0 + 3 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Sell, Qty("0.3"), Px("1990.0"), TimeInForce.Ioc, reduceOnly: true))),
            (T0 + 3 * Second + 200_000_000, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Sell, Qty("0.5"), Px("1990.0"), TimeInForce.Ioc, reduceOnly: true))),
            (T0 + 3 * Second + 400_000_000, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Sell, Qty("0.5"), Px("1990.0"), TimeInForce.Ioc, reduceOnly: true))));
        (BacktestResult result, _) = Run([Q(T0, "2000.0", "2000.5"), Q(T0 + 5 * Second, "2000.0", "2000.5")], strategy, new LatencyModel(OrderToVenueNs: Second));

        result.Fills.Select(f => (f.Side, f.Quantity, f.Price, f.TsNs)).ShouldBe([
            (OrderSide.Buy, 0.5m, 2000.5m, T0 + 2 * Second),
            (OrderSide.Sell, 0.3m, 2000.0m, T0 + 4 * Second),
            (OrderSide.Sell, 0.2m, 2000.0m, T0 + 4 * Second + 200_000_000), // clamped from 0.5
        ]);
        strategy.Events.OfType<OrderRejected>().Single().Reason.ShouldBe("Reduce only order would increase position.");
        result.Positions.Sum(p => p.SignedQuantity).ShouldBe(0m);
    }

    [Fact]
    public void Canceled_resting_order_does_not_fill_when_the_market_later_trades_through()
    {
        var strategy = new ScriptedStrategy(Eth.Id,
            (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("1999.0")))),
            (T0 + 2 * Second, s => s.CancelOrder(s.Last!)));
        (BacktestResult result, _) = Run([Q(T0, "2000.0", "2000.5"), T(T0 + 3 * Second, "1990.0", "5", AggressorSide.Seller)], strategy);

        result.Fills.ShouldBeEmpty();
        strategy.Events.Select(e => e.Kind.ToString()).ShouldBe(["Submitted", "Accepted", "PendingCancel", "Canceled"]);
    }
}
