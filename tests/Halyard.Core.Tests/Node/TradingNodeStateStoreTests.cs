using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Tests.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Node;

/// <summary>The node's side of persistence: what it records from the bus, and what it restores before reconciling.</summary>
public class TradingNodeStateStoreTests
{
    private static readonly InstrumentId Eth = TestInstruments.Eth().Id;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (TradingNode Node, TestVenue Venue, LimitStrategy Strategy) Build(IExecutionStateStore store, bool reconcile = true)
    {
        var node = new TradingNode(new TradingNodeConfig { CancelOrdersOnStop = false, ReconcileOnStart = reconcile }, executionStateStore: store);
        var venue = new TestVenue(node.Inbox, () => node.Clock.UtcNowNs, [TestInstruments.Eth()]);
        var strategy = new LimitStrategy();
        node.AddDataClient(venue);
        node.AddExecutionClient(venue);
        node.AddStrategy(strategy);
        return (node, venue, strategy);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached in 10 s");
            await Task.Delay(5, Ct);
        }
    }

    [Fact]
    public async Task Every_event_of_an_order_is_recorded_once_in_applied_order_including_its_initialization()
    {
        var store = new InMemoryExecutionStateStore();
        var (node, venue, strategy) = Build(store);
        await node.StartAsync(Ct);
        venue.PushQuote(Eth, "3000.0", "3000.5");
        Order? resting = null, filled = null;
        await node.Kernel.InvokeAsync(() =>
        {
            resting = strategy.Buy(Eth, "0.010", "2990.0");
            filled = strategy.Buy(Eth, "0.020", "3001.0");
        });
        await Until(() => resting!.Status == OrderStatus.Accepted && filled!.Status == OrderStatus.Filled);
        await node.StopAsync(Ct);

        foreach (Order order in new[] { resting!, filled! })
            store.OrderEvents.Where(e => e.ClientOrderId == order.ClientOrderId).ShouldBe(order.Events);
        store.OrderEvents[0].ShouldBeOfType<OrderInitialized>();
        store.WorkingOrderIds.ShouldBe([resting!.ClientOrderId]);
        ExecutionState state = await store.LoadAsync(Ct);
        state.ClientOrderIdCounts[strategy.Id].ShouldBe(2);
        state.Positions.ShouldHaveSingleItem().SignedQty.ShouldBe(0.02m);
        state.Accounts.ShouldNotBeEmpty();
        state.LastFillTsNs.ShouldBe(state.Fills[^1].TsEvent);
    }

    [Fact]
    public async Task A_rebuilt_node_restores_orders_positions_and_the_id_counter_before_its_strategies_start()
    {
        var store = new InMemoryExecutionStateStore();
        var (node, venue, strategy) = Build(store);
        await node.StartAsync(Ct);
        venue.PushQuote(Eth, "3000.0", "3000.5");
        Order? resting = null, filled = null;
        await node.Kernel.InvokeAsync(() =>
        {
            resting = strategy.Buy(Eth, "0.010", "2990.0");
            filled = strategy.Buy(Eth, "0.020", "3001.0");
        });
        await Until(() => resting!.Status == OrderStatus.Accepted && filled!.Status == OrderStatus.Filled);
        await node.StopAsync(Ct);

        var (node2, _, strategy2) = Build(store, reconcile: false);
        await node2.StartAsync(Ct);
        node2.Cache.Orders().Select(o => (o.ClientOrderId, o.Status)).ShouldBe([(resting!.ClientOrderId, OrderStatus.Accepted), (filled!.ClientOrderId, OrderStatus.Filled)]);
        node2.Cache.OrdersOpen().ShouldHaveSingleItem().ClientOrderId.ShouldBe(resting.ClientOrderId);
        Position position = node2.Cache.PositionsOpen().ShouldHaveSingleItem();
        position.SignedQty.ShouldBe(0.02m);
        position.AvgPxOpen.ShouldBe(filled.AvgPx!.Value);
        Order? next = null;
        await node2.Kernel.InvokeAsync(() => next = strategy2.Buy(Eth, "0.010", "2900.0"));
        next!.ClientOrderId.ShouldNotBe(resting.ClientOrderId);
        next.ClientOrderId.Value.ShouldEndWith("-3");
        await node2.StopAsync(Ct);
    }
}
