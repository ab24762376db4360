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
