using System.Security.Cryptography;
using System.Text.Json;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Interop;

/// <summary>
/// The third-party TypeScript SDK @nktkas/hyperliquid, pointed at the simulator's local URLs, reads the market,
/// places, modifies and cancels orders, fills a market order and follows the WebSocket streams. The SDK does not
/// check response shapes, so every answer it received is compared with the fixtures here.
/// </summary>
public sealed class NktkasSdkInteropTests
{
    private static JsonElement FixtureData(string name) => Shapes.Fixture(name).GetProperty("data");

    [Fact]
    public async Task The_typescript_sdk_trades_and_streams_against_the_simulator_and_every_answer_has_the_real_shape()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { StartPaused = false, TickInterval = TimeSpan.FromMilliseconds(100) });
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        secret[0] &= 0x7f;
        var key = Halyard.Hyperliquid.Signing.PrivateKey.FromBytes(secret);
        await sim.PostAsync("/sim/fund", $$"""{"user":"{{key.Address}}","usdc":"100000"}""");
        string input = JsonSerializer.Serialize(new { apiUrl = sim.Host.Url, wsUrl = sim.Host.WebSocketUrl, privateKey = "0x" + Convert.ToHexStringLower(secret) });

        string output = await NodeScript.RunAsync("simulator-client.mjs", input, TestContext.Current.CancellationToken);
        var result = JsonDocument.Parse(output).RootElement;
        var r = result.GetProperty("responses");
        var e = result.GetProperty("events");

        r.GetProperty("meta").ShouldMatchFixture("info_meta.response.json", "onlyIsolated", "isDelisted", "marginMode");
        r.GetProperty("metaAndAssetCtxs").ShouldMatchFixture("info_metaAndAssetCtxs.response.json", "onlyIsolated", "isDelisted", "marginMode");
        r.GetProperty("l2Book").ShouldMatchFixture("info_l2Book.response.json");
        r.GetProperty("order").ShouldMatchFixture("exchange_order.resting_with_cloid.response.json");
        r.GetProperty("orderStatus").ShouldMatchFixture("info_orderStatus.response.json");
        r.GetProperty("openOrders").ShouldMatchFixture("info_openOrders.response.json", "cloid", "reduceOnly");
        r.GetProperty("frontendOpenOrders").ShouldMatchFixture("info_frontendOpenOrders.response.json");
        r.GetProperty("modify").ShouldMatchFixture("exchange_default.ok.response.json");
        r.GetProperty("cancel").ShouldMatchFixture("exchange_cancel.success.response.json");
        r.GetProperty("market").ShouldMatchFixture("exchange_order.filled.response.json");
        r.GetProperty("updateLeverage").ShouldMatchFixture("exchange_default.ok.response.json");
        r.GetProperty("clearinghouseState").ShouldMatchFixture("info_clearinghouseState.response.json", "rawUsd");
        r.GetProperty("clearinghouseState").GetProperty("assetPositions").GetArrayLength().ShouldBe(1);
        r.GetProperty("userFills").ShouldMatchFixture("info_userFills.response.json", "cloid");
        r.GetProperty("userRateLimit").ShouldMatchFixture("info_userRateLimit.response.json");
        r.GetProperty("candleSnapshot").ShouldMatchFixture("info_candleSnapshot.response.json");
        r.GetProperty("rejected").GetString()!.ShouldContain("Order must have minimum value of $10.");

        Shapes.Differences(FixtureData("ws_l2Book.message.json"), e.GetProperty("l2Book")[0]).ShouldBeEmpty();
        Shapes.Differences(FixtureData("ws_trades.message.json"), e.GetProperty("trades")[0]).ShouldBeEmpty();
        foreach (var batch in e.GetProperty("orderUpdates").EnumerateArray())
            Shapes.Differences(FixtureData("ws_orderUpdates.message.json"), batch, "cloid").ShouldBeEmpty();
        e.GetProperty("orderUpdates").EnumerateArray().SelectMany(b => b.EnumerateArray()).Select(u => u.GetProperty("status").GetString())
            .ShouldBe(["open", "canceled", "open", "canceled", "filled"], ignoreOrder: true);
        var fills = e.GetProperty("userFills");
        fills[0].GetProperty("isSnapshot").GetBoolean().ShouldBeTrue();
        Shapes.Differences(FixtureData("ws_userFills.update.message.json"), fills[1], "cloid").ShouldBeEmpty();
    }
}
