using System.Text.Json;
using Halyard.Hyperliquid.Wire;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Ws;

/// <summary>The /ws protocol: acks echoing every key, errors as strings, ping/pong, posts, garbage tolerance, idle close.</summary>
public sealed class WebSocketProtocolTests
{
    [Fact]
    public async Task Subscription_ack_echoes_every_key_sent_nulls_included()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC","nSigFigs":null,"mantissa":null}}""");
        var ack = await ws.NextAsync("subscriptionResponse");
        ack.GetProperty("data").GetProperty("method").GetString().ShouldBe("subscribe");
        ack.GetProperty("data").GetProperty("subscription").GetRawText().ShouldBe("""{"type":"l2Book","coin":"BTC","nSigFigs":null,"mantissa":null}""");

        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"SOL"}}""");
        (await ws.NextAsync("subscriptionResponse")).ShouldMatchFixture("ws_subscriptionResponse.message.json");
    }

    [Fact]
    public async Task Duplicate_invalid_and_unknown_subscriptions_get_error_strings()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"SOL"}}""");
        await ws.NextAsync("subscriptionResponse");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"SOL"}}""");
        var duplicate = await ws.NextAsync("error");
        duplicate.ShouldMatchFixture("ws_error.message.json");
        duplicate.GetProperty("data").GetString().ShouldBe("""Already subscribed: {"type":"trades","coin":"SOL"}""");

        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"NOPE"}}""");
        (await ws.NextAsync("error")).GetProperty("data").GetString().ShouldBe("""Invalid subscription {"type":"trades","coin":"NOPE"}""");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"candle","coin":"BTC","interval":"7m"}}""");
        (await ws.NextAsync("error")).GetProperty("data").GetString()!.ShouldStartWith("Invalid subscription ");
        await ws.SendAsync("""{"method":"unsubscribe","subscription":{"type":"bbo","coin":"BTC"}}""");
        (await ws.NextAsync("error")).GetProperty("data").GetString()!.ShouldStartWith("Already unsubscribed: ");
    }

    [Fact]
    public async Task Ping_gets_pong_and_garbage_gets_an_error_without_closing()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("this is not json");
        (await ws.NextAsync("error")).GetProperty("data").ValueKind.ShouldBe(JsonValueKind.String);
        await ws.SendAsync("""{"method":"dance"}""");
        await ws.NextAsync("error");
        await ws.SendAsync("[1,2,3]");
        await ws.NextAsync("error");
        await ws.SendAsync("""{"method":"ping"}""");
        (await ws.NextAsync("pong")).ShouldMatchFixture("ws_pong.message.json");
    }

    [Fact]
    public async Task Post_answers_info_and_signed_actions_with_the_fixture_shapes()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("""{"method":"post","id":123,"request":{"type":"info","payload":{"type":"l2Book","coin":"ETH","nSigFigs":5,"mantissa":null}}}""");
        var info = await ws.NextAsync("post");
        info.ShouldMatchFixture("ws_post_info.response.json");
        info.GetProperty("data").GetProperty("id").GetInt64().ShouldBe(123);

        string signed = wallet.Sign(TestWallet.Limit(1, true, "3000", "0.01"));
        await ws.SendAsync("{\"method\":\"post\",\"id\":256,\"request\":{\"type\":\"action\",\"payload\":" + signed + "}}");
        var action = await ws.NextAsync("post", f => f.GetProperty("data").GetProperty("id").GetInt64() == 256);
        action.ShouldMatchFixture("ws_post_action.response.json");

        await ws.SendAsync("""{"method":"post","id":7,"request":{"type":"info","payload":{"type":"l2Book","coin":"NOPE"}}}""");
        var error = await ws.NextAsync("post", f => f.GetProperty("data").GetProperty("id").GetInt64() == 7);
        error.ShouldMatchFixture("ws_post_error.response.json");
        error.GetProperty("data").GetProperty("response").GetProperty("payload").GetString()!.ShouldEndWith("id=7");
    }

    [Fact]
    public async Task Market_streams_push_book_bbo_mids_and_trades_on_each_tick()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { TakerProbability = 1 });
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        foreach (string s in new[] { """{"type":"l2Book","coin":"BTC"}""", """{"type":"bbo","coin":"BTC"}""", """{"type":"allMids"}""",
                     """{"type":"trades","coin":"BTC"}""", """{"type":"candle","coin":"BTC","interval":"1m"}""", """{"type":"activeAssetCtx","coin":"BTC"}""" })
        {
            await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":" + s + "}");
            await ws.NextAsync("subscriptionResponse");
        }
        (await ws.NextAsync("l2Book")).ShouldMatchFixture("ws_l2Book.message.json");
        (await ws.NextAsync("bbo")).ShouldMatchFixture("ws_bbo.message.json");
        var mids = await ws.NextAsync("allMids");
        mids.GetProperty("data").GetProperty("mids").GetProperty("BTC").ValueKind.ShouldBe(JsonValueKind.String);
        var ctx = await ws.NextAsync("activeAssetCtx");
        var fixtureCtx = Shapes.Fixture("info_metaAndAssetCtxs.response.json")[1][0];
        Shapes.Differences(fixtureCtx, ctx.GetProperty("data").GetProperty("ctx")).ShouldBeEmpty();
        ctx.GetProperty("data").GetProperty("coin").GetString().ShouldBe("BTC");

        sim.Host.Step(3);
        var book = await ws.NextAsync("l2Book");
        book.GetProperty("data").GetProperty("levels")[0].GetArrayLength().ShouldBe(20);
        (await ws.NextAsync("trades")).ShouldMatchFixture("ws_trades.message.json");
        var candle = await ws.NextAsync("candle");
        candle.GetProperty("data").GetProperty("s").GetString().ShouldBe("BTC");
        candle.GetProperty("data").GetProperty("i").GetString().ShouldBe("1m");
    }

    [Fact]
    public async Task Unsubscribe_acks_and_stops_the_stream()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"l2Book","coin":"ETH"}}""");
        await ws.NextAsync("subscriptionResponse");
        await ws.NextAsync("l2Book");
        await ws.SendAsync("""{"method":"unsubscribe","subscription":{"type":"l2Book","coin":"ETH"}}""");
        var ack = await ws.NextAsync("subscriptionResponse");
        ack.GetProperty("data").GetProperty("method").GetString().ShouldBe("unsubscribe");
        sim.Host.Step(2);
        (await ws.QuietAsync("l2Book", 400)).ShouldBeTrue();
    }

    [Fact]
    public async Task User_streams_deliver_order_updates_fill_snapshot_then_increments_and_user_events()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.01", TimeInForce.Ioc))); // a fill before subscribing
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        foreach (string type in new[] { "orderUpdates", "userFills", "userEvents", "userFundings" })
        {
            await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"" + type + "\",\"user\":\"" + wallet.Address + "\"}}");
            await ws.NextAsync("subscriptionResponse");
        }
        var snapshot = await ws.NextAsync("userFills");
        snapshot.ShouldMatchFixture("ws_userFills.snapshot.message.json", "cloid");
        snapshot.GetProperty("data").GetProperty("fills").GetArrayLength().ShouldBe(1);
        (await ws.NextAsync("userFundings")).GetProperty("data").GetProperty("isSnapshot").GetBoolean().ShouldBeTrue();

        var cloid = Cloid.Parse("0x00000000000000000000000000000001");
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3000", "0.05", cloid: cloid)));
        var open = await ws.NextAsync("orderUpdates");
        open.ShouldMatchFixture("ws_orderUpdates.message.json", "cloid");
        open.GetProperty("data")[0].GetProperty("status").GetString().ShouldBe("open");

        sim.Host.SetPrice("ETH", 2990m); // the maker's asks drop through the resting bid: it fills
        var filled = await ws.NextAsync("orderUpdates", f => f.GetProperty("data")[0].GetProperty("status").GetString() == "filled");
        filled.GetProperty("data")[0].GetProperty("order").GetProperty("cloid").GetString().ShouldBe(cloid.ToString());
        var update = await ws.NextAsync("userFills");
        update.ShouldMatchFixture("ws_userFills.update.message.json");
        update.GetProperty("data").TryGetProperty("isSnapshot", out _).ShouldBeFalse();
        (await ws.NextAsync("user")).ShouldMatchFixture("ws_userEvents.fills.message.json");
    }

    [Fact]
    public async Task A_connection_the_server_sends_nothing_on_is_closed_after_the_idle_timeout()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { WebSocketIdleTimeout = TimeSpan.FromMilliseconds(400) });
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        var closed = await Task.WhenAny(ws.Closed.Task, Task.Delay(5000, TestContext.Current.CancellationToken));
        closed.ShouldBe(ws.Closed.Task);
    }

    [Fact]
    public async Task Pings_keep_a_quiet_connection_alive()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { WebSocketIdleTimeout = TimeSpan.FromMilliseconds(1500) });
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        for (int i = 0; i < 8; i++) // 2.4 s in all: longer than the idle timeout, but never idle that long
        {
            await ws.SendAsync("""{"method":"ping"}""");
            await ws.NextAsync("pong");
            await Task.Delay(300, TestContext.Current.CancellationToken);
        }
        ws.Closed.Task.IsCompleted.ShouldBeFalse();
    }
}

/// <summary>The exchange's per-connection caps.</summary>
public sealed class WebSocketLimitTests
{
    [Fact]
    public async Task A_connection_may_follow_a_limited_number_of_users_and_subscriptions()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { MaxUsersPerConnection = 2, MaxSubscriptionsPerConnection = 4 });
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        string[] users = [.. Enumerable.Range(1, 3).Select(i => "0x" + i.ToString("x40"))];
        foreach (string user in users.Take(2))
        {
            await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"orderUpdates\",\"user\":\"" + user + "\"}}");
            await ws.NextAsync("subscriptionResponse");
        }
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"orderUpdates\",\"user\":\"" + users[2] + "\"}}");
        (await ws.NextAsync("error")).GetProperty("data").GetString().ShouldBe("Cannot track more than 2 total users.");
        // Another stream of an already-followed user is fine, until the subscription cap.
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"userFills\",\"user\":\"" + users[0] + "\"}}");
        await ws.NextAsync("subscriptionResponse");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"allMids"}}""");
        await ws.NextAsync("subscriptionResponse");
        await ws.SendAsync("""{"method":"subscribe","subscription":{"type":"trades","coin":"BTC"}}""");
        (await ws.NextAsync("error")).GetProperty("data").GetString().ShouldBe("Cannot subscribe to more than 4 subscriptions.");
    }
}
