using System.Net;
using System.Text.Json;
using Halyard.Hyperliquid.Wire;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Http;

/// <summary>Every info type answered with the real API's shapes, compared field by field with the fixtures.</summary>
public sealed class InfoShapeTests
{
    private static readonly string[] MetaOptional = ["onlyIsolated", "isDelisted", "marginMode"];

    /// <summary>A simulator with one user who has a resting order (with cloid), an ETH position, a trigger order and a funding payment.</summary>
    private static async Task<(TestSimulator Sim, TestWallet Wallet, long RestingOid)> TradedAsync()
    {
        var sim = await TestSimulator.StartAsync(o => o with { FundingInterval = TimeSpan.FromSeconds(1) });
        var wallet = await sim.FundedWalletAsync();
        var resting = await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001", cloid: Cloid.Parse("0x00000000000000000000000000000001"))));
        long oid = resting.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("resting").GetProperty("oid").GetInt64();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.01", TimeInForce.Ioc)));
        await sim.ActAsync(wallet.Sign(new OrderAction(new OrderWire(1, false, "2900", "0.01", true, OrderTypeWire.Trigger(true, "3000", TpSl.StopLoss)))));
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        sim.Host.Step(); // funding is due: the ETH position pays it
        return (sim, wallet, oid);
    }

    private static async Task<JsonElement> Info(TestSimulator sim, string json)
    {
        var (status, body) = await sim.InfoAsync(json);
        status.ShouldBe(HttpStatusCode.OK, body.GetRawText());
        return body;
    }

    [Fact]
    public async Task Market_info_types_have_the_fixture_shapes()
    {
        await using var sim = await TestSimulator.StartAsync();
        (await Info(sim, """{"type":"meta"}""")).ShouldMatchFixture("info_meta.response.json", MetaOptional);
        (await Info(sim, """{"type":"metaAndAssetCtxs"}""")).ShouldMatchFixture("info_metaAndAssetCtxs.response.json", MetaOptional);
        var book = await Info(sim, """{"type":"l2Book","coin":"BTC"}""");
        book.ShouldMatchFixture("info_l2Book.response.json");
        book.GetProperty("levels")[0].GetArrayLength().ShouldBe(20);
        book.GetProperty("levels")[1].GetArrayLength().ShouldBe(20);
        var mids = await Info(sim, """{"type":"allMids"}""");
        mids.EnumerateObject().Select(p => p.Name).ShouldBe(["BTC", "ETH", "SOL"]);
        mids.EnumerateObject().ShouldAllBe(p => p.Value.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Meta_lists_the_default_universe_with_the_exchange_size_decimals_and_leverage()
    {
        await using var sim = await TestSimulator.StartAsync();
        var universe = (await Info(sim, """{"type":"meta"}""")).GetProperty("universe");
        universe.EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("szDecimals").GetInt32(), c.GetProperty("maxLeverage").GetInt32()))
            .ShouldBe([("BTC", 5, 40), ("ETH", 4, 25), ("SOL", 2, 20)]);
    }

    [Fact]
    public async Task Account_info_types_have_the_fixture_shapes()
    {
        var (sim, wallet, oid) = await TradedAsync();
        await using var _ = sim;
        string user = wallet.Address;

        var state = await Info(sim, $$"""{"type":"clearinghouseState","user":"{{user}}"}""");
        state.ShouldMatchFixture("info_clearinghouseState.response.json", "rawUsd");
        state.GetProperty("assetPositions").GetArrayLength().ShouldBe(1);

        var open = await Info(sim, $$"""{"type":"openOrders","user":"{{user}}"}""");
        open.GetArrayLength().ShouldBe(2);
        open.ShouldMatchFixture("info_openOrders.response.json", "cloid", "reduceOnly");

        var frontend = await Info(sim, $$"""{"type":"frontendOpenOrders","user":"{{user}}"}""");
        frontend.ShouldMatchFixture("info_frontendOpenOrders.response.json");
        frontend.EnumerateArray().Select(o => o.GetProperty("orderType").GetString()).ShouldBe(["Stop Market", "Limit"], ignoreOrder: true);

        var fills = await Info(sim, $$"""{"type":"userFills","user":"{{user}}"}""");
        fills.GetArrayLength().ShouldBeGreaterThan(0);
        fills.ShouldMatchFixture("info_userFills.response.json", "cloid");
        var byTime = await Info(sim, $$"""{"type":"userFillsByTime","user":"{{user}}","startTime":0}""");
        byTime.GetArrayLength().ShouldBe(fills.GetArrayLength());
        byTime.ShouldMatchFixture("info_userFills.response.json", "cloid");

        (await Info(sim, $$"""{"type":"orderStatus","user":"{{user}}","oid":{{oid}}}""")).ShouldMatchFixture("info_orderStatus.response.json");
        var byCloid = await Info(sim, $$"""{"type":"orderStatus","user":"{{user}}","oid":"0x00000000000000000000000000000001"}""");
        byCloid.GetProperty("order").GetProperty("order").GetProperty("oid").GetInt64().ShouldBe(oid);
        (await Info(sim, $$"""{"type":"orderStatus","user":"{{user}}","oid":999999999}""")).ShouldMatchFixture("info_orderStatus.unknown.response.json");

        (await Info(sim, $$"""{"type":"userRateLimit","user":"{{user}}"}""")).ShouldMatchFixture("info_userRateLimit.response.json");
    }

    [Fact]
    public async Task History_info_types_are_served_from_what_the_simulator_generated()
    {
        var (sim, wallet, _) = await TradedAsync();
        await using var _ = sim;
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var candles = await Info(sim, $$$"""{"type":"candleSnapshot","req":{"coin":"ETH","interval":"1m","startTime":0,"endTime":{{{now + 60_000}}}}}""");
        candles.GetArrayLength().ShouldBe(1);
        candles.ShouldMatchFixture("info_candleSnapshot.response.json");
        candles[0].GetProperty("n").GetInt32().ShouldBeGreaterThan(0);

        var funding = await Info(sim, """{"type":"fundingHistory","coin":"ETH","startTime":0}""");
        funding.GetArrayLength().ShouldBe(1);
        funding.ShouldMatchFixture("info_fundingHistory.response.json");

        var userFunding = await Info(sim, $$"""{"type":"userFunding","user":"{{wallet.Address}}","startTime":0}""");
        userFunding.GetArrayLength().ShouldBe(1);
        var delta = userFunding[0].GetProperty("delta");
        userFunding[0].GetProperty("time").ValueKind.ShouldBe(JsonValueKind.Number);
        userFunding[0].GetProperty("hash").ValueKind.ShouldBe(JsonValueKind.String);
        delta.GetProperty("type").GetString().ShouldBe("funding");
        delta.GetProperty("coin").GetString().ShouldBe("ETH");
        delta.GetProperty("szi").GetString().ShouldBe("0.01");
        foreach (string field in new[] { "usdc", "fundingRate" }) delta.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.String);
    }
}
