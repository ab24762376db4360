using System.Text.Json;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Control;

/// <summary>The living market is a function of its seed and the ticks it ran.</summary>
public sealed class DeterminismTests
{
    /// <summary>Mids and book prices/sizes after each of 15 ticks (times left out: they are wall clock).</summary>
    private static async Task<List<string>> RunAsync(int seed)
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { Seed = seed, TakerProbability = 0.5 });
        var trace = new List<string>();
        for (int i = 0; i < 15; i++)
        {
            sim.Host.Step();
            trace.Add((await sim.InfoAsync("""{"type":"allMids"}""")).Body.GetRawText());
            var book = (await sim.InfoAsync("""{"type":"l2Book","coin":"ETH"}""")).Body;
            trace.Add(book.GetProperty("levels").GetRawText());
            var ctx = (await sim.InfoAsync("""{"type":"metaAndAssetCtxs"}""")).Body[1];
            trace.Add(string.Join(",", ctx.EnumerateArray().Select(c => c.GetProperty("openInterest").GetString() + "/" + c.GetProperty("dayBaseVlm").GetString())));
        }
        return trace;
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_market()
    {
        var first = await RunAsync(42);
        var second = await RunAsync(42);
        second.ShouldBe(first);
        first.Distinct().Count().ShouldBeGreaterThan(10); // it moved
    }

    [Fact]
    public async Task Different_seeds_give_different_markets()
    {
        (await RunAsync(1)).ShouldNotBe(await RunAsync(2));
    }
}

/// <summary>The mark price can follow the fair price (default), the book mid, or the last trade.</summary>
public sealed class MarkPriceSourceTests
{
    [Fact]
    public async Task Last_trade_mark_follows_the_trades_not_the_fair_price()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { MarkPriceSource = MarkPriceSource.LastTrade });
        var wallet = await sim.FundedWalletAsync();
        var fill = await sim.ActAsync(wallet.Sign(TestWallet.Limit(1, true, "3600", "0.01", Halyard.Hyperliquid.Wire.TimeInForce.Ioc)));
        string avgPx = fill.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetProperty("filled").GetProperty("avgPx").GetString()!;
        sim.Host.Step();
        var ctx = (await sim.InfoAsync("""{"type":"metaAndAssetCtxs"}""")).Body[1][1];
        decimal.Parse(ctx.GetProperty("markPx").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(decimal.Parse(avgPx, System.Globalization.CultureInfo.InvariantCulture));
    }
}
