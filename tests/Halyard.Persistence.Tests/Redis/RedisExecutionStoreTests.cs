using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Persistence.Redis;
using StackExchange.Redis;
using Order = Halyard.Core.Model.Order;
using static Halyard.Persistence.Tests.Redis.SampleOrderEvents;

namespace Halyard.Persistence.Tests.Redis;

public sealed class RedisExecutionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records three orders (filled, open, canceled) the way the node does: each event with whether the order is still working.</summary>
    private static IReadOnlyList<Order> RecordThreeOrders(RedisExecutionStore store)
    {
        var filled = new Order(Init("O-FILLED", qty: "0.00200"));
        var open = new Order(Init("O-OPEN", price: "96000.75"));
        var canceled = new Order(Init("O-CANCELED"));
        IOrderEvent[] history =
        [
            Submitted("O-FILLED"), Accepted("O-FILLED", "901"),
            Filled("O-FILLED", "901", "T-1", "0.00077", "97123.5"),
            Submitted("O-OPEN"), Accepted("O-OPEN", "902"),
            Filled("O-FILLED", "901", "T-2", "0.00123", "97123.4"),
            Submitted("O-CANCELED"), Accepted("O-CANCELED", "903"),
            new OrderCanceled(Trader, Strategy, Btc, new("O-CANCELED"), new VenueOrderId("903"), AccountIdOf, Guid.NewGuid(), 2, 2),
        ];
        var orders = new Dictionary<string, Order> { ["O-FILLED"] = filled, ["O-OPEN"] = open, ["O-CANCELED"] = canceled };
        foreach (Order o in orders.Values) store.RecordOrderEvent(o.Init, isWorking: false);
        foreach (IOrderEvent e in history)
        {
            Order o = orders[e.ClientOrderId.Value];
            o.Apply(e).IsApplied.ShouldBeTrue();
            store.RecordOrderEvent(e, o.IsOpen || o.IsInflight);
        }
        store.RecordClientOrderIdCount(Strategy, 3);
        return [filled, open, canceled];
    }

    [Fact]
    public async Task Orders_are_rebuilt_identically_by_a_new_store_after_a_restart()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        IReadOnlyList<Order> originals;
        await using (var first = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        {
            (await first.LoadAsync(Ct)).Orders.ShouldBeEmpty();
            originals = RecordThreeOrders(first);
            (await first.FlushAsync(Ct)).ShouldBeTrue();
            first.WriteFailures.ShouldBe(0);
        }

        await using var second = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        ExecutionState state = await second.LoadAsync(Ct);
        state.Orders.Select(o => o.ClientOrderId.Value).ShouldBe(["O-FILLED", "O-OPEN", "O-CANCELED"]);
        foreach (var (original, loaded) in originals.Zip(state.Orders))
        {
            loaded.Status.ShouldBe(original.Status);
            loaded.FilledQty.ShouldBe(original.FilledQty);
            loaded.LeavesQty.ShouldBe(original.LeavesQty);
            loaded.AvgPx.ShouldBe(original.AvgPx);
            loaded.Price.ShouldBe(original.Price);
            loaded.VenueOrderId.ShouldBe(original.VenueOrderId);
            loaded.PositionId.ShouldBe(original.PositionId);
            loaded.Events.Select(e => e.EventId).ShouldBe(original.Events.Select(e => e.EventId));
        }
        state.Orders[0].Status.ShouldBe(OrderStatus.Filled);
        state.Orders[0].AvgPx.ShouldBe((0.00077m * 97123.5m + 0.00123m * 97123.4m) / 0.002m);
        state.Orders[1].Status.ShouldBe(OrderStatus.Accepted);
        state.Fills.Select(f => f.TradeId.Value).ShouldBe(["T-1", "T-2"]);
        state.LastFillTsNs.ShouldBe(state.Fills[^1].TsEvent);
        state.LastFillTradeIds.ShouldBe([new TradeId("T-2")]);
        state.ClientOrderIdCounts[Strategy].ShouldBe(3);
        (await second.OpenOrderIdsAsync()).ShouldBe([new ClientOrderId("O-OPEN")]);
    }

    [Fact]
    public async Task Sequence_numbers_continue_after_a_restart_so_new_events_load_after_old_ones()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using (var first = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        {
            RecordThreeOrders(first);
            (await first.FlushAsync(Ct)).ShouldBeTrue();
        }
        await using (var second = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        {
            ExecutionState state = await second.LoadAsync(Ct);
            Order open = state.Orders[1];
            var cancel = new OrderCanceled(Trader, Strategy, Btc, open.ClientOrderId, open.VenueOrderId, AccountIdOf, Guid.NewGuid(), 5, 5);
            open.Apply(cancel).IsApplied.ShouldBeTrue();
            second.RecordOrderEvent(cancel, isWorking: false);
            (await second.FlushAsync(Ct)).ShouldBeTrue();
        }
        await using var third = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        (await third.LoadAsync(Ct)).Orders[1].Status.ShouldBe(OrderStatus.Canceled);
        (await third.OpenOrderIdsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Positions_and_accounts_are_kept_per_trader()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        var balance = new AccountBalance(new Money(1000.123456m, Currency.Usdc), new Money(0.5m, Currency.Usdc), new Money(999.623456m, Currency.Usdc));
        var margin = new MarginBalance(new Money(10.1m, Currency.Usdc), new Money(5.05m, Currency.Usdc), Btc);
        var account = new AccountState(AccountIdOf, AccountType.Margin, Currency.Usdc, [balance], [margin], true, Guid.NewGuid(), 10, 11);
        await using (var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader))
        await using (var other = await RedisExecutionStore.ConnectAsync(server.Configuration, new TraderId("TRADER-002")))
        {
            store.RecordAccount(account);
            store.RecordAccount(account with { Balances = [AccountBalance.FromTotal(new Money(900m, Currency.Usdc), new Money(0m, Currency.Usdc))], TsEvent = 12 });
            other.RecordAccount(account);
            (await store.FlushAsync(Ct)).ShouldBeTrue();
            (await other.FlushAsync(Ct)).ShouldBeTrue();
        }
        await using var reloaded = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        ExecutionState state = await reloaded.LoadAsync(Ct);
        AccountState saved = state.Accounts.ShouldHaveSingleItem();
        saved.TsEvent.ShouldBe(12);
        saved.Balances.ShouldHaveSingleItem().Total.ShouldBe(new Money(900m, Currency.Usdc));
        saved.Margins.ShouldHaveSingleItem().ShouldBe(margin);
        state.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_stored_data_is_reported_with_its_key()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        RecordThreeOrders(store);
        (await store.FlushAsync(Ct)).ShouldBeTrue();
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        await redis.GetDatabase().ListSetByIndexAsync("halyard:TRADER-001:order:O-OPEN", 1, "{\"seq\":99,\"type\":\"Accepted\",\"event\":{\"VenueOrderId\":7}}");

        var ex = await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct));
        ex.Key.ShouldBe("halyard:TRADER-001:order:O-OPEN[1]");

        await redis.GetDatabase().ListSetByIndexAsync("halyard:TRADER-001:order:O-OPEN", 1, "{}");
        await redis.GetDatabase().HashSetAsync("halyard:TRADER-001:counters", "EMA-001", "many");
        (await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct))).Key.ShouldBe("halyard:TRADER-001:order:O-OPEN[1]");
        await redis.GetDatabase().KeyDeleteAsync("halyard:TRADER-001:order:O-OPEN");
        await redis.GetDatabase().SortedSetRemoveAsync("halyard:TRADER-001:orders", "O-OPEN");
        (await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct))).Key.ShouldBe("halyard:TRADER-001:counters#EMA-001");
    }

    [Fact]
    public async Task A_redis_outage_queues_and_counts_writes_and_the_writer_catches_up_after_redis_returns()
    {
        await using RedisServer server = await RedisServer.StartAsync(appendOnly: true);
        await using var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader,
            new RedisExecutionStoreOptions { RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) });
        var order = new Order(Init("O-OUTAGE", qty: "0.00200"));
        store.RecordOrderEvent(order.Init, isWorking: false);
        foreach (IOrderEvent e in new IOrderEvent[] { Submitted("O-OUTAGE"), Accepted("O-OUTAGE", "950") })
        {
            order.Apply(e);
            store.RecordOrderEvent(e, order.IsOpen);
        }
        (await store.FlushAsync(Ct)).ShouldBeTrue();

        server.Kill();
        var during = new[] { Filled("O-OUTAGE", "950", "T-9", "0.00100", "97000.5"), Filled("O-OUTAGE", "950", "T-10", "0.00100", "97000.25") };
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (OrderFilled fill in during)
        {
            order.Apply(fill);
            store.RecordOrderEvent(fill, order.IsOpen); // must return at once although Redis is down
        }
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(2));
            (await store.FlushAsync(wait.Token)).ShouldBeFalse();
        }
        while (store.WriteFailures == 0) await Task.Delay(20, Ct);
        store.Pending.ShouldBe(2);

        await server.RestartAsync();
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            (await store.FlushAsync(wait.Token)).ShouldBeTrue();
        }
        store.Pending.ShouldBe(0);
        store.Dropped.ShouldBe(0);

        await using var reloaded = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        ExecutionState state = await reloaded.LoadAsync(Ct);
        Order loaded = state.Orders.ShouldHaveSingleItem();
        loaded.Status.ShouldBe(OrderStatus.Filled);
        loaded.AvgPx.ShouldBe(97000.375m);
        loaded.Events.Count.ShouldBe(5);
        (await reloaded.OpenOrderIdsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader, new RedisExecutionStoreOptions { QueueCapacity = 1, BatchSize = 1 });
        server.Kill();
        for (int i = 0; i < 50; i++) store.RecordClientOrderIdCount(Strategy, i);
        store.Dropped.ShouldBeGreaterThan(0);
        (store.Enqueued + store.Dropped).ShouldBe(50);
    }

    [Fact]
    public async Task An_event_written_twice_by_a_retried_batch_is_loaded_once()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using var store = await RedisExecutionStore.ConnectAsync(server.Configuration, Trader);
        RecordThreeOrders(store);
        (await store.FlushAsync(Ct)).ShouldBeTrue();
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        IDatabase db = redis.GetDatabase();
        RedisKey key = "halyard:TRADER-001:order:O-FILLED";
        RedisValue[] written = await db.ListRangeAsync(key);
        await db.ListRightPushAsync(key, written[^2]); // a half-applied batch, then the retry: the last fill lands twice
        await db.ListRightPushAsync(key, written[^1]);

        ExecutionState state = await new RedisExecutionStore(redis, Trader).LoadAsync(Ct);
        Order filled = state.Orders[0];
        filled.Events.Count.ShouldBe(written.Length);
        filled.FilledQty.ShouldBe(Quantity.Parse("0.00200"));
        state.Fills.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Malformed_snapshots_name_the_hash_field()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        IDatabase db = redis.GetDatabase();
        await db.HashSetAsync("halyard:TRADER-001:positions", "BTC-USD-PERP.HYPERLIQUID-EMA-001", "{\"Quantity\":\"1.0\"}");
        (await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct)))
            .Key.ShouldBe("halyard:TRADER-001:positions#BTC-USD-PERP.HYPERLIQUID-EMA-001");
        await db.KeyDeleteAsync("halyard:TRADER-001:positions");
        await db.HashSetAsync("halyard:TRADER-001:accounts", "HYPERLIQUID-0xabc", "[1,2]");
        (await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct)))
            .Key.ShouldBe("halyard:TRADER-001:accounts#HYPERLIQUID-0xabc");
        await db.KeyDeleteAsync("halyard:TRADER-001:accounts");
        await db.HashSetAsync("halyard:TRADER-001:fills:last", "last_ts", "yesterday");
        (await Should.ThrowAsync<StoredStateException>(() => new RedisExecutionStore(redis, Trader).LoadAsync(Ct)))
            .Key.ShouldBe("halyard:TRADER-001:fills:last#last_ts");
    }
}
