using System.Text.Json;
using Halyard.Hyperliquid.Wire;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Http;

/// <summary>Signed actions through POST /exchange: statuses per order in order, with the fixtures' shapes.</summary>
public sealed class ExchangeActionTests
{
    private static JsonElement Statuses(JsonElement body) => body.GetProperty("response").GetProperty("data").GetProperty("statuses");

    [Fact]
    public async Task Resting_and_filled_orders_answer_with_the_fixture_shapes()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();

        var resting = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        resting.ShouldMatchFixture("exchange_order.resting.response.json");

        var withCloid = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001", cloid: Cloid.Parse("0x000000000000000000000000000000aa"))));
        withCloid.ShouldMatchFixture("exchange_order.resting_with_cloid.response.json");
        Statuses(withCloid)[0].GetProperty("resting").GetProperty("cloid").GetString().ShouldBe("0x000000000000000000000000000000aa");

        var filled = await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.02", TimeInForce.Ioc)));
        filled.ShouldMatchFixture("exchange_order.filled.response.json");
        Statuses(filled)[0].GetProperty("filled").GetProperty("totalSz").GetString().ShouldBe("0.02");
        decimal.Parse(Statuses(filled)[0].GetProperty("filled").GetProperty("avgPx").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(3500m, 3502m); // the maker's best ask, 1 bp above the fair 3500
    }

    [Fact]
    public async Task A_batch_answers_one_status_per_order_in_order()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.02", TimeInForce.Ioc))); // a position for the reduce-only stop
        var batch = new OrderAction([
            new OrderWire(0, true, "90000", "0.001", false, OrderTypeWire.Gtc),
            new OrderWire(1, true, "3600", "0.01", false, OrderTypeWire.Ioc),
            new OrderWire(1, true, "3600", "0.01", false, OrderTypeWire.Limit(TimeInForce.Alo)),
            new OrderWire(1, false, "2900", "0.01", true, OrderTypeWire.Trigger(true, "3000", TpSl.StopLoss)),
        ]);
        var body = await sim.ActAsync(wallet.Sign(batch));
        body.ShouldMatchFixture("exchange_order.mixed_batch.response.json");
        Statuses(body)[2].GetProperty("error").GetString()!.ShouldStartWith("Post only order would have immediately matched, bbo was ");
        Statuses(body)[3].GetString().ShouldBe("waitingForTrigger");
    }

    [Theory]
    [InlineData("0", "3000", "0.001", "Order must have minimum value of $10.")]
    [InlineData("0", "90000.5", "0.001", "Price must be divisible by tick size.")]
    [InlineData("0", "90001.5", "0.001", "Price must be divisible by tick size.")]
    [InlineData("1", "3500.123", "0.01", "Price must be divisible by tick size.")]
    [InlineData("0", "90000", "0.000001", "Order has invalid size.")]
    [InlineData("1", "3400", "0.00001", "Order has invalid size.")]
    public async Task Invalid_prices_and_sizes_get_the_exchange_per_order_errors(string asset, string px, string sz, string error)
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var body = await sim.ActAsync(wallet.SignRaw("{\"type\":\"order\",\"orders\":[{\"a\":" + asset + ",\"b\":true,\"p\":\"" + px + "\",\"s\":\"" + sz + "\",\"r\":false,\"t\":{\"limit\":{\"tif\":\"Gtc\"}}}],\"grouping\":\"na\"}"));
        body.ShouldMatchFixture("exchange_order.error.response.json");
        Statuses(body)[0].GetProperty("error").GetString().ShouldBe(error);
    }

    [Fact]
    public async Task Ioc_that_cannot_match_and_margin_shortfall_are_rejected_per_order()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync(usdc: 100m);
        var ioc = await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3000", "0.01", TimeInForce.Ioc)));
        Statuses(ioc)[0].GetProperty("error").GetString().ShouldBe("Order could not immediately match against any resting orders.");
        var tooBig = await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3400", "10")));
        Statuses(tooBig)[0].GetProperty("error").GetString().ShouldBe("Insufficient margin to place order.");
    }

    [Fact]
    public async Task Cancel_by_oid_and_by_cloid_answer_success_then_the_not_found_error()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var cloid = Cloid.Parse("0x0000000000000000000000000000beef");
        var placed = await sim.ActAsync(wallet.Sign(new OrderAction([
            new OrderWire(0, true, "90000", "0.001", false, OrderTypeWire.Gtc),
            new OrderWire(0, true, "89000", "0.001", false, OrderTypeWire.Gtc, cloid)])));
        ulong oid = Statuses(placed)[0].GetProperty("resting").GetProperty("oid").GetUInt64();

        var cancel = await sim.ActAsync(wallet.Sign(new CancelAction([new CancelWire(0, oid)])));
        cancel.ShouldMatchFixture("exchange_cancel.success.response.json");
        var again = await sim.ActAsync(wallet.Sign(new CancelAction([new CancelWire(0, oid)])));
        again.ShouldMatchFixture("exchange_cancel.error.response.json");
        Statuses(again)[0].GetProperty("error").GetString().ShouldBe("Order was never placed, already canceled, or filled.");

        var byCloid = await sim.ActAsync(wallet.Sign(new CancelByCloidAction([new CancelByCloidWire(0, cloid)])));
        Statuses(byCloid)[0].GetString().ShouldBe("success");
        var open = (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{wallet.Address}}"}""")).Body;
        open.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Modify_replaces_the_order_and_batch_modify_answers_order_statuses()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var placed = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        ulong oid = Statuses(placed)[0].GetProperty("resting").GetProperty("oid").GetUInt64();

        var modify = await sim.ActAsync(wallet.Sign(new ModifyAction(oid, new OrderWire(0, true, "91000", "0.002", false, OrderTypeWire.Gtc))));
        modify.ShouldMatchFixture("exchange_default.ok.response.json");
        var open = (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{wallet.Address}}"}""")).Body;
        open.GetArrayLength().ShouldBe(1);
        open[0].GetProperty("limitPx").GetString().ShouldBe("91000.0");
        ulong newOid = open[0].GetProperty("oid").GetUInt64();

        var batch = await sim.ActAsync(wallet.Sign(new BatchModifyAction([new ModifyWire(newOid, new OrderWire(0, true, "92000", "0.002", false, OrderTypeWire.Gtc))])));
        batch.ShouldMatchFixture("exchange_order.resting.response.json");

        var gone = await sim.ExchangeAsync(wallet.Sign(new ModifyAction(oid, new OrderWire(0, true, "91000", "0.002", false, OrderTypeWire.Gtc))));
        gone.Body.GetProperty("status").GetString().ShouldBe("err");
    }

    [Fact]
    public async Task Leverage_schedule_cancel_and_noop_answer_default()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        (await sim.ActAsync(wallet.Sign(new UpdateLeverageAction(0, true, 10)))).ShouldMatchFixture("exchange_default.ok.response.json");
        ulong inTenSeconds = (ulong)DateTimeOffset.UtcNow.AddSeconds(10).ToUnixTimeMilliseconds();
        (await sim.ActAsync(wallet.Sign(new ScheduleCancelAction(inTenSeconds)))).ShouldMatchFixture("exchange_default.ok.response.json");
        (await sim.ActAsync(wallet.Sign(new ScheduleCancelAction()))).ShouldMatchFixture("exchange_default.ok.response.json");
        (await sim.ActAsync(wallet.Sign(NoopAction.Instance))).ShouldMatchFixture("exchange_default.ok.response.json");
        var tooHigh = await sim.ActAsync(wallet.Sign(new UpdateLeverageAction(0, true, 41)));
        tooHigh.GetProperty("status").GetString().ShouldBe("err");
    }

    [Fact]
    public async Task Scheduled_cancel_cancels_every_open_order_when_its_time_passes()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var placed = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        long oid = Statuses(placed)[0].GetProperty("resting").GetProperty("oid").GetInt64();
        ulong soon = (ulong)DateTimeOffset.UtcNow.AddMilliseconds(5_100).ToUnixTimeMilliseconds();
        (await sim.ActAsync(wallet.Sign(new ScheduleCancelAction(soon)))).GetProperty("status").GetString().ShouldBe("ok");
        await Task.Delay(5_300, TestContext.Current.CancellationToken);
        sim.Host.Step();
        var status = (await sim.InfoAsync($$"""{"type":"orderStatus","user":"{{wallet.Address}}","oid":{{oid}}}""")).Body;
        status.GetProperty("order").GetProperty("status").GetString().ShouldBe("scheduledCancel");
    }

    [Fact]
    public async Task A_stop_market_waits_for_its_trigger_and_fires_when_the_mark_crosses()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.02", TimeInForce.Ioc)));
        var stop = await sim.ActAsync(wallet.Sign(new OrderAction(new OrderWire(1, false, "2700", "0.02", true, OrderTypeWire.Trigger(true, "3000", TpSl.StopLoss)))));
        Statuses(stop)[0].GetString().ShouldBe("waitingForTrigger");

        sim.Host.SetPrice("ETH", 3100m);
        (await sim.InfoAsync($$"""{"type":"clearinghouseState","user":"{{wallet.Address}}"}""")).Body.GetProperty("assetPositions").GetArrayLength().ShouldBe(1);

        var (status, _) = await sim.PostAsync("/sim/price", """{"coin":"ETH","px":"2950"}""");
        status.ShouldBe(System.Net.HttpStatusCode.OK);
        var state = (await sim.InfoAsync($$"""{"type":"clearinghouseState","user":"{{wallet.Address}}"}""")).Body;
        state.GetProperty("assetPositions").GetArrayLength().ShouldBe(0);
        var fills = (await sim.InfoAsync($$"""{"type":"userFills","user":"{{wallet.Address}}"}""")).Body;
        fills[0].GetProperty("dir").GetString().ShouldBe("Close Long");
    }
}

/// <summary>normalTpsl groups: children wait for the parent to fill.</summary>
public sealed class TpslGroupTests
{
    private static JsonElement Statuses(JsonElement body) => body.GetProperty("response").GetProperty("data").GetProperty("statuses");

    private static OrderAction Group(string parentPx, TimeInForce tif) => new([
        new OrderWire(1, true, parentPx, "0.01", false, OrderTypeWire.Limit(tif)),
        new OrderWire(1, false, "4000", "0.01", true, OrderTypeWire.Trigger(true, "3900", TpSl.TakeProfit)),
        new OrderWire(1, false, "2500", "0.01", true, OrderTypeWire.Trigger(true, "2600", TpSl.StopLoss)),
    ], OrderGrouping.NormalTpsl);

    [Fact]
    public async Task Children_of_a_filled_parent_wait_for_their_triggers()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var body = await sim.ActAsync(wallet.Sign(Group("3600", TimeInForce.Ioc)));
        Statuses(body)[0].TryGetProperty("filled", out _).ShouldBeTrue(body.GetRawText());
        Statuses(body)[1].GetString().ShouldBe("waitingForTrigger");
        Statuses(body)[2].GetString().ShouldBe("waitingForTrigger");
    }

    [Fact]
    public async Task Children_of_a_resting_parent_are_placed_when_it_fills()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var body = await sim.ActAsync(wallet.Sign(Group("3000", TimeInForce.Gtc)));
        Statuses(body)[0].TryGetProperty("resting", out _).ShouldBeTrue(body.GetRawText());
        Statuses(body)[1].GetString().ShouldBe("waitingForFill");
        Statuses(body)[2].GetString().ShouldBe("waitingForFill");
        (await sim.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + wallet.Address + "\"}")).Body.GetArrayLength().ShouldBe(1);

        sim.Host.SetPrice("ETH", 2990m); // the parent bid fills against the falling asks
        var open = (await sim.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + wallet.Address + "\"}")).Body;
        open.EnumerateArray().Select(o => o.GetProperty("orderType").GetString()).ShouldBe(["Take Profit Market", "Stop Market"], ignoreOrder: true);
    }

    [Fact]
    public async Task When_one_child_fills_its_sibling_is_canceled_with_the_exchanges_siblingFilledCanceled_status()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        // A take-profit market sell's px is its worst price: below the trigger, so the triggered order crosses the bids.
        var body = await sim.ActAsync(wallet.Sign(new OrderAction([
            new OrderWire(1, true, "3600", "0.01", false, OrderTypeWire.Limit(TimeInForce.Ioc)),
            new OrderWire(1, false, "3500", "0.01", true, OrderTypeWire.Trigger(true, "3900", TpSl.TakeProfit)),
            new OrderWire(1, false, "2500", "0.01", true, OrderTypeWire.Trigger(true, "2600", TpSl.StopLoss)),
        ], OrderGrouping.NormalTpsl)));
        Statuses(body)[0].TryGetProperty("filled", out _).ShouldBeTrue(body.GetRawText());
        var open = (await sim.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + wallet.Address + "\"}")).Body;
        long stopOid = open.EnumerateArray().Single(o => o.GetProperty("orderType").GetString() == "Stop Market").GetProperty("oid").GetInt64();
        long takeProfitOid = open.EnumerateArray().Single(o => o.GetProperty("orderType").GetString() == "Take Profit Market").GetProperty("oid").GetInt64();

        sim.Host.SetPrice("ETH", 3950m); // through the take profit's 3900 trigger: it fills and closes the long

        string StatusOf(JsonElement answer) => answer.GetProperty("order").GetProperty("status").GetString()!;
        StatusOf((await sim.InfoAsync($$"""{"type":"orderStatus","user":"{{wallet.Address}}","oid":{{takeProfitOid}}}""")).Body).ShouldBe("filled");
        StatusOf((await sim.InfoAsync($$"""{"type":"orderStatus","user":"{{wallet.Address}}","oid":{{stopOid}}}""")).Body).ShouldBe("siblingFilledCanceled");
        (await sim.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + wallet.Address + "\"}")).Body.GetArrayLength().ShouldBe(0);
    }
}
