using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Strategies;
using Halyard.Persistence.Redis;
using static Halyard.Persistence.Tests.Redis.SampleOrderEvents;
using Order = Halyard.Core.Model.Order;

namespace Halyard.Persistence.Tests.Redis;

/// <summary>A TradingNode with a Redis store: what one run records, the next run finds in its cache before reconciling.</summary>
public sealed class TradingNodeRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class IdStrategy() : Strategy("EMA-001")
    {
        public ClientOrderId NextId() => OrderFactory.IdGenerator.Generate();
        public Order NewLimit() => OrderFactory.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.00100"), Price.Parse("90000.0"));
    }

    private static readonly CryptoPerpetual BtcPerp = new()
    {
        Id = Btc, RawSymbol = "BTC", BaseCurrency = new Currency("BTC", 8), QuoteCurrency = Currency.Usdc, SettlementCurrency = Currency.Usdc,
        PricePrecision = 1, SizePrecision = 5, PriceIncrement = Price.Parse("0.1"), SizeIncrement = Quantity.Parse("0.00001"), MaxLeverage = 40,
    };

    private static TradingNode NewNode(RedisExecutionStore store, IdStrategy strategy)
    {
        var node = new TradingNode(new TradingNodeConfig { TraderId = Trader.Value, CancelOrdersOnStop = false }, executionStateStore: store);
        node.Cache.AddInstrument(BtcPerp);
        node.AddStrategy(strategy);
        return node;
    }

    [Fact]
    public async Task A_restarted_node_has_its_orders_positions_and_id_counter_back_and_records_new_events()
    {
        await using RedisServer server = await RedisServer.StartAsync();

        // First run: an order the strategy made goes out (denied here: no venue client), and a venue history arrives for another.
        var strategy1 = new IdStrategy();
        await using (var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        {
            TradingNode node = NewNode(store, strategy1);
            await node.StartAsync(Ct);
            await node.Kernel.InvokeAsync(() =>
            {
                strategy1.SubmitOrder(strategy1.NewLimit());
                var working = new Order(Init(strategy1.NextId().Value, qty: "0.00300", price: "97000.0"));
                node.Cache.AddOrder(working);
                string id = working.ClientOrderId.Value;
                foreach (IOrderEvent e in new IOrderEvent[] { Submitted(id), Accepted(id, "801"), Filled(id, "801", "T-1", "0.00100", "97000.0"),
                             Filled(id, "801", "T-2", "0.00050", "96999.9") })
                    node.Kernel.Execution.Process(e);
            });
            await node.StopAsync(Ct);
            store.Written.ShouldBe(store.Enqueued);
        }
        strategy1.NextId().Value.ShouldEndWith("-3");

        // Second run: a new process, new store, same Redis.
        var strategy2 = new IdStrategy();
        await using (var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        {
            TradingNode node = NewNode(store, strategy2);
            await node.StartAsync(Ct);
            Order[] orders = [.. node.Cache.Orders()];
            orders.Length.ShouldBe(2);
            orders[0].Status.ShouldBe(OrderStatus.Denied);
            orders[1].Status.ShouldBe(OrderStatus.PartiallyFilled);
            orders[1].FilledQty.ShouldBe(Quantity.Parse("0.00150"));
            node.Cache.OrdersOpen().ShouldHaveSingleItem().ClientOrderId.ShouldBe(orders[1].ClientOrderId);
            node.Cache.ClientOrderIdFor(new VenueOrderId("801")).ShouldBe(orders[1].ClientOrderId);
            Position position = node.Cache.PositionsOpen().ShouldHaveSingleItem();
            position.SignedQty.ShouldBe(0.0015m);
            position.AvgPxOpen.ShouldBe((0.001m * 97000.0m + 0.0005m * 96999.9m) / 0.0015m);
            strategy2.NextId().Value.ShouldEndWith("-3"); // the counter continues: no id is reused

            await node.Kernel.InvokeAsync(() => node.Kernel.Execution.Process(
                new OrderCanceled(Trader, SampleOrderEvents.Strategy, Btc, orders[1].ClientOrderId, new VenueOrderId("801"), AccountIdOf, Guid.NewGuid(), 9, 9)));
            await node.StopAsync(Ct);
        }

        await using var reader = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        var state = await reader.LoadAsync(Ct);
        state.Orders[1].Status.ShouldBe(OrderStatus.Canceled);
        state.Orders[1].Events.Count.ShouldBe(6);
        state.ClientOrderIdCounts[new StrategyId("EMA-001")].ShouldBe(2); // ids generated for orders the node saw; the unused "-3" above never became an order
        (await reader.OpenOrderIdsAsync()).ShouldBeEmpty();
        state.Positions.ShouldHaveSingleItem().SignedQty.ShouldBe(0.0015m);
    }

    [Fact]
    public async Task A_node_wired_with_both_stores_keeps_a_halt_and_its_orders_across_a_restart()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        var strategy1 = new IdStrategy();
        await using (RedisStateStores stores = await RedisStateStores.ConnectAsync(server.Configuration, Trader))
        {
            var node = new TradingNode(new TradingNodeConfig { TraderId = Trader.Value, CancelOrdersOnStop = false },
                riskStateStore: stores.Risk, executionStateStore: stores.Execution);
            node.Cache.AddInstrument(BtcPerp);
            node.AddStrategy(strategy1);
            await node.StartAsync(Ct);
            await node.Kernel.InvokeAsync(() =>
            {
                strategy1.SubmitOrder(strategy1.NewLimit());
                node.Kernel.RiskManager.Halt("operator halt", flatten: false);
            });
            await node.StopAsync(Ct);
        }

        await using RedisStateStores again = await RedisStateStores.ConnectAsync(server.Configuration, Trader);
        var node2 = new TradingNode(new TradingNodeConfig { TraderId = Trader.Value, CancelOrdersOnStop = false },
            riskStateStore: again.Risk, executionStateStore: again.Execution);
        node2.AddStrategy(new IdStrategy());
        await node2.StartAsync(Ct);
        node2.Cache.Orders().ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Denied);
        node2.Kernel.RiskManager.TradingState.ShouldBe(TradingState.Halted);
        await node2.StopAsync(Ct);
    }

    [Fact]
    public async Task A_node_does_not_start_trading_when_redis_cannot_answer_the_load()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using RedisStateStores stores = await RedisStateStores.ConnectAsync(server.Configuration, Trader);
        server.Kill();
        var strategy = new IdStrategy();
        var node = new TradingNode(new TradingNodeConfig { TraderId = Trader.Value }, riskStateStore: stores.Risk, executionStateStore: stores.Execution);
        node.AddStrategy(strategy);

        Exception ex = await Should.ThrowAsync<Exception>(() => node.StartAsync(Ct));
        ex.ShouldBeAssignableTo<StackExchange.Redis.RedisException>();
        node.State.ShouldBe(NodeState.Faulted);
        strategy.IsRunning.ShouldBeFalse();
    }
}
