using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Control;

/// <summary>The /sim control API: funding, prices, pause/step, fault injection and stats.</summary>
public sealed class ControlApiTests
{
    private static decimal Dec(JsonElement e) => decimal.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Fund_credits_an_account_that_then_shows_in_its_clearinghouse_state()
    {
        await using var sim = await TestSimulator.StartAsync();
        string user = TestWallet.Create().Address;
        var (status, _) = await sim.PostAsync("/sim/fund", $$"""{"user":"{{user}}","usdc":"12345.5"}""");
        status.ShouldBe(HttpStatusCode.OK);
        var state = (await sim.InfoAsync($$"""{"type":"clearinghouseState","user":"{{user}}"}""")).Body;
        Dec(state.GetProperty("marginSummary").GetProperty("accountValue")).ShouldBe(12345.5m);
        Dec(state.GetProperty("withdrawable")).ShouldBe(12345.5m);
        (await sim.PostAsync("/sim/fund", """{"user":"nobody","usdc":"1"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await sim.PostAsync("/sim/fund", $$"""{"user":"{{user}}"}""")).Body.GetProperty("error").GetString()!.ShouldContain("usdc");
    }

    [Fact]
    public async Task Price_moves_the_mark_and_the_book_follows()
    {
        await using var sim = await TestSimulator.StartAsync();
        var (status, _) = await sim.PostAsync("/sim/price", """{"coin":"BTC","px":"65000"}""");
        status.ShouldBe(HttpStatusCode.OK);
        var mids = (await sim.InfoAsync("""{"type":"allMids"}""")).Body;
        Dec(mids.GetProperty("BTC")).ShouldBeInRange(64_900m, 65_100m);
        var ctxs = (await sim.InfoAsync("""{"type":"metaAndAssetCtxs"}""")).Body;
        Dec(ctxs[1][0].GetProperty("markPx")).ShouldBe(65_000m);
        (await sim.PostAsync("/sim/price", """{"coin":"XRP","px":"1"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pause_stops_the_market_and_step_advances_it_tick_by_tick()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { StartPaused = false, TickInterval = TimeSpan.FromMilliseconds(20) });
        await WaitUntil(() => sim.Host.Stats().Ticks > 0);
        (await sim.PostAsync("/sim/pause", "")).Status.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(50, TestContext.Current.CancellationToken); // a tick already under way may still finish
        long paused = sim.Host.Stats().Ticks;
        await Task.Delay(200, TestContext.Current.CancellationToken);
        sim.Host.Stats().Ticks.ShouldBe(paused);
        var (_, step) = await sim.PostAsync("/sim/step", """{"ticks":5}""");
        step.GetProperty("ticks").GetInt64().ShouldBe(paused + 5);
        (await sim.PostAsync("/sim/resume", "")).Status.ShouldBe(HttpStatusCode.OK);
        await WaitUntil(() => sim.Host.Stats().Ticks > paused + 5);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Http_status_fault_answers_the_next_requests_then_clears()
    {
        await using var sim = await TestSimulator.StartAsync();
        (await sim.PostAsync("/sim/fault", """{"httpStatus":429,"count":2}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await sim.InfoAsync("""{"type":"allMids"}""")).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        (await sim.InfoAsync("""{"type":"allMids"}""")).Status.ShouldBe((HttpStatusCode)429);
        (await sim.InfoAsync("""{"type":"allMids"}""")).Status.ShouldBe(HttpStatusCode.OK);
        await sim.PostAsync("/sim/fault", """{"httpStatus":500,"count":1}""");
        (await sim.ExchangeAsync("{}")).Status.ShouldBe(HttpStatusCode.InternalServerError);
        (await sim.PostAsync("/sim/fault", """{"httpStatus":200}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delay_fault_slows_every_answer()
    {
        await using var sim = await TestSimulator.StartAsync();
        await sim.PostAsync("/sim/fault", """{"delayMs":300}""");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await sim.InfoAsync("""{"type":"allMids"}""");
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(280);
        await sim.PostAsync("/sim/fault", """{"delayMs":0}""");
    }

    [Fact]
    public async Task Reject_next_order_fault_rejects_exactly_one_order_with_the_reason()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await sim.PostAsync("/sim/fault", """{"rejectNextOrder":"Simulated outage."}""");
        var first = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        first.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("error").GetString().ShouldBe("Simulated outage.");
        var second = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        second.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("resting", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Drop_web_sockets_fault_disconnects_every_client_and_new_ones_connect()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var a = await TestSocket.ConnectAsync(sim.Host);
        await using var b = await TestSocket.ConnectAsync(sim.Host);
        await a.SendAsync("""{"method":"ping"}""");
        await a.NextAsync("pong");
        await sim.PostAsync("/sim/fault", """{"dropWebSockets":true}""");
        await Task.WhenAll(a.Closed.Task, b.Closed.Task).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await using var c = await TestSocket.ConnectAsync(sim.Host);
        await c.SendAsync("""{"method":"ping"}""");
        await c.NextAsync("pong");
    }

    [Fact]
    public async Task Stats_count_orders_messages_and_connected_clients()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("""{"method":"ping"}""");
        await ws.NextAsync("pong");
        await sim.ActAsync(wallet.Sign(new Halyard.Hyperliquid.Wire.OrderAction([
            new(0, true, "90000", "0.001", false, Halyard.Hyperliquid.Wire.OrderTypeWire.Gtc),
            new(0, true, "89000", "0.001", false, Halyard.Hyperliquid.Wire.OrderTypeWire.Gtc)])));
        var stats = await sim.Http.GetFromJsonAsync<JsonElement>("/sim/stats", TestContext.Current.CancellationToken);
        stats.GetProperty("ordersTotal").GetInt64().ShouldBe(2);
        stats.GetProperty("messagesTotal").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        stats.GetProperty("connectedClients").GetInt32().ShouldBe(1);
        stats.GetProperty("paused").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task In_process_controls_match_the_http_control_api()
    {
        await using var sim = await TestSimulator.StartAsync();
        var master = await sim.FundedWalletAsync();
        string sub = TestWallet.Create().Address;
        sim.Host.FundSubAccount(sub, master.Address, 1_000m);
        (await sim.ActAsync(master.Sign(TestWallet.Limit(0, true, "90000", "0.001"), vaultAddress: sub))).GetProperty("status").GetString().ShouldBe("ok");
        sim.Host.FailNextRequests(503);
        (await sim.InfoAsync("""{"type":"allMids"}""")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        sim.Host.RejectNextOrder("No.");
        var rejected = await sim.ActAsync(master.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        rejected.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("error").GetString().ShouldBe("No.");
        sim.Host.SetPrice("SOL", 150m);
        sim.Host.FairPrice("SOL").ShouldBe(150m);
    }

    [Fact]
    public async Task The_control_api_is_off_when_disabled()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { EnableControlApi = false });
        (await sim.Http.PostAsync("/sim/pause", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
