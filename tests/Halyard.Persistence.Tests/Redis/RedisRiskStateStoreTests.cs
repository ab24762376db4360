using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Persistence.Redis;
using StackExchange.Redis;

namespace Halyard.Persistence.Tests.Redis;

public sealed class RedisRiskStateStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TraderId Trader = new("TRADER-001");

    [Fact]
    public async Task A_halt_saved_by_one_process_is_loaded_by_the_next_with_exact_equity_marks()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        var halted = new RiskState(TradingState.Halted, "daily loss 5.0% >= 5%", 10_123.456789m, 10_000.000001m, 1_764_000_000_000_000_000, 1_764_000_123_000_000_000);
        await using (ConnectionMultiplexer redis = await server.ConnectAsync())
        await using (var store = new RedisRiskStateStore(redis, Trader))
        {
            store.Load().ShouldBeNull();
            store.Save(halted with { TradingState = TradingState.Reducing });
            store.Save(halted);
            (await store.FlushAsync(Ct)).ShouldBeTrue();
        }
        await using ConnectionMultiplexer again = await server.ConnectAsync();
        await using var restarted = new RedisRiskStateStore(again, Trader);
        restarted.Load().ShouldBe(halted);
    }

    [Fact]
    public async Task A_save_while_redis_is_down_returns_at_once_and_is_written_when_redis_returns()
    {
        await using RedisServer server = await RedisServer.StartAsync(appendOnly: true);
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        await using var store = new RedisRiskStateStore(redis, Trader);
        server.Kill();
        var state = new RiskState(TradingState.Halted, "kill switch", null, null, 0, 1);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        store.Save(state);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(200));
        while (store.WriteFailures == 0) await Task.Delay(20, Ct);
        await server.RestartAsync();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        (await store.FlushAsync(wait.Token)).ShouldBeTrue();
        store.Load().ShouldBe(state);
    }

    [Fact]
    public async Task A_malformed_risk_state_names_its_key()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        await redis.GetDatabase().StringSetAsync("halyard:TRADER-001:risk", "{\"TradingState\":\"Sideways\"}");
        await using var store = new RedisRiskStateStore(redis, Trader);
        Should.Throw<StoredStateException>(() => store.Load()).Key.ShouldBe("halyard:TRADER-001:risk");
    }
}
