using Halyard.Hyperliquid.Wire;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Ws;

/// <summary>The user channel (userEvents): liquidations, fills marked as liquidation, and cancels the user did not ask for.</summary>
public sealed class UserEventTests
{
    [Fact]
    public async Task A_mark_drop_below_maintenance_liquidates_and_pushes_the_liquidation_event()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync(usdc: 100m);
        var buy = await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.5", TimeInForce.Ioc)));
        buy.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("filled", out _).ShouldBeTrue(buy.GetRawText());
        // A resting order that the liquidation must cancel: a nonUserCancel for the user.
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3000", "0.004")));
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"userEvents\",\"user\":\"" + wallet.Address + "\"}}");
        await ws.NextAsync("subscriptionResponse");

        sim.Host.SetPrice("ETH", 3300m);

        var liquidation = await ws.NextAsync("user", f => f.GetProperty("data").TryGetProperty("liquidation", out _));
        liquidation.ShouldMatchFixture("ws_userEvents.liquidation.message.json");
        liquidation.GetProperty("data").GetProperty("liquidation").GetProperty("liquidated_user").GetString().ShouldBe(wallet.Address);
        var state = (await sim.InfoAsync("{\"type\":\"clearinghouseState\",\"user\":\"" + wallet.Address + "\"}")).Body;
        state.GetProperty("assetPositions").GetArrayLength().ShouldBe(0);
        var fills = (await sim.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + wallet.Address + "\"}")).Body;
        fills[0].GetProperty("liquidation").GetProperty("method").GetString().ShouldBe("market");
        var cancel = await ws.NextAsync("user", f => f.GetProperty("data").TryGetProperty("nonUserCancel", out _));
        cancel.ShouldMatchFixture("ws_userEvents.nonUserCancel.message.json");
    }

    [Fact]
    public async Task Funding_payments_reach_the_user_channel_and_the_user_fundings_stream()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { FundingInterval = TimeSpan.FromSeconds(1) });
        var wallet = await sim.FundedWalletAsync();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.05", TimeInForce.Ioc)));
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        foreach (string type in new[] { "userEvents", "userFundings" })
        {
            await ws.SendAsync("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"" + type + "\",\"user\":\"" + wallet.Address + "\"}}");
            await ws.NextAsync("subscriptionResponse");
        }
        (await ws.NextAsync("userFundings")).ShouldMatchFixture("ws_userFundings.message.json");
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        sim.Host.Step();
        (await ws.NextAsync("user", f => f.GetProperty("data").TryGetProperty("funding", out _))).ShouldMatchFixture("ws_userEvents.funding.message.json");
        var update = await ws.NextAsync("userFundings");
        update.GetProperty("data").GetProperty("fundings").GetArrayLength().ShouldBe(1);
        update.GetProperty("data").TryGetProperty("isSnapshot", out _).ShouldBeFalse();
    }
}
