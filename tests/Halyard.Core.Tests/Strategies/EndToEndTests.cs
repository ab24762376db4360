using Halyard.Core.Model;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Strategies;

public class EndToEndTests
{
    [Fact]
    public void A_strategy_buys_on_the_first_quote_sells_after_three_and_the_pnl_is_as_computed_by_hand()
    {
        var instrumentId = TestInstruments.Eth().Id;
        var strategy = new BuyThenSellStrategy(instrumentId, Quantity.Parse("0.500"), sellAfter: 3);
        var h = new KernelHarness(strategies: strategy);
        h.StartStrategies();

        h.Quote("3000.0", "3000.5"); // buy 0.5 at the ask 3000.5, taker fee 0.045 %
        h.Quote("3010.0", "3010.5");
        h.Quote("3020.0", "3020.5"); // sell 0.5 at the bid 3020.0

        strategy.Seen.ShouldBe(
        [
            "OrderSubmitted", "OrderAccepted", "OrderFilled", "filled Buy 0.500 @ 3000.5", "opened Long 0.500",
            "OrderSubmitted", "OrderAccepted", "OrderFilled", "filled Sell 0.500 @ 3020.0", "closed pnl 8.3953875",
        ]);
        // By hand: (3020.0 − 3000.5) × 0.5 = 9.75; fees 1500.25 × 0.00045 = 0.6751125 and 1510 × 0.00045 = 0.6795.
        Position position = h.Kernel.Cache.Positions(instrumentId, strategy.Id).ShouldHaveSingleItem();
        position.IsClosed.ShouldBeTrue();
        position.RealizedPnl.Amount.ShouldBe(9.75m - 0.6751125m - 0.6795m);
        position.AvgPxOpen.ShouldBe(3000.5m);
        position.AvgPxClose.ShouldBe(3020.0m);
        Account account = h.Kernel.Cache.AccountFor(h.Venue.Venue).ShouldNotBeNull();
        account.Total(Currency.Usdc).Amount.ShouldBe(10_000m + 8.3953875m);
        h.Kernel.Cache.OrdersClosed(instrumentId, strategy.Id).Select(o => o.Status).ShouldBe([OrderStatus.Filled, OrderStatus.Filled]);
        h.Kernel.Cache.OrdersOpenCount().ShouldBe(0);
        h.Venue.NetPosition(instrumentId).ShouldBe(0m);
        h.Kernel.ErrorCount.ShouldBe(0);
        h.Venue.Calls.ShouldContain($"+quotes {instrumentId}");
    }

    [Fact]
    public void A_resting_limit_fills_at_its_price_when_a_pushed_quote_crosses_it()
    {
        var strategy = new LimitStrategy();
        var h = new KernelHarness(strategies: strategy);
        h.StartStrategies();
        h.Quote("3000.0", "3000.5");

        strategy.Buy(h.Id, "0.100", "2990.0");
        h.Drain();
        strategy.Order!.Status.ShouldBe(OrderStatus.Accepted);
        h.Venue.RestingOrders().ShouldBe(["Buy 0.100 @ 2990.0"]);

        h.Quote("2995.0", "2995.5"); // not yet
        strategy.Order.Status.ShouldBe(OrderStatus.Accepted);
        h.Quote("2989.0", "2989.5"); // ask below the limit: fills at 2990.0 as maker
        strategy.Order.Status.ShouldBe(OrderStatus.Filled);
        strategy.Order.AvgPx.ShouldBe(2990.0m);
        Position position = h.Kernel.Cache.PositionsOpen(h.Id).ShouldHaveSingleItem();
        position.SignedQty.ShouldBe(0.1m);
        position.RealizedPnl.Amount.ShouldBe(-(299m * 0.00015m)); // the maker fee so far
    }
}
