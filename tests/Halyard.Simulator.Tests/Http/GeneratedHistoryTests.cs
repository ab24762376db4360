using System.Globalization;
using System.Net;
using System.Text.Json;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Http;

/// <summary><see cref="SimulatorOptions.History"/>: candles and funding rates before the start, served with the exchange's shapes and limits.</summary>
public sealed class GeneratedHistoryTests
{
    private static async Task<JsonElement> Info(TestSimulator sim, string json)
    {
        var (status, body) = await sim.InfoAsync(json);
        status.ShouldBe(HttpStatusCode.OK, body.GetRawText());
        return body;
    }

    private static decimal Dec(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Six_hours_of_history_give_one_minute_candles_that_join_the_initial_price_and_hourly_funding()
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var sim = await TestSimulator.StartAsync(o => o with { History = TimeSpan.FromHours(6), StartPaused = true });
        long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var candles = await Info(sim, $$$"""{"type":"candleSnapshot","req":{"coin":"BTC","interval":"1m","startTime":0,"endTime":{{{after}}}}}""");
        candles.ShouldMatchFixture("info_candleSnapshot.response.json");
        int count = candles.GetArrayLength();
        count.ShouldBeInRange(359, 361); // whole minutes from 6 h before the start up to the start's minute
        long previousOpen = 0;
        decimal previousClose = 0;
        foreach (JsonElement c in candles.EnumerateArray())
        {
            long open = c.GetProperty("t").GetInt64();
            (open % 60_000).ShouldBe(0);
            c.GetProperty("T").GetInt64().ShouldBe(open + 59_999);
            if (previousOpen != 0) open.ShouldBe(previousOpen + 60_000); // no missing minute
            Dec(c, "l").ShouldBeLessThanOrEqualTo(Math.Min(Dec(c, "o"), Dec(c, "c")));
            Dec(c, "h").ShouldBeGreaterThanOrEqualTo(Math.Max(Dec(c, "o"), Dec(c, "c")));
            Dec(c, "v").ShouldBeGreaterThan(0m);
            if (previousOpen != 0) Dec(c, "o").ShouldBe(previousClose); // a walk: each minute opens where the last closed
            previousOpen = open;
            previousClose = Dec(c, "c");
        }
        candles[0].GetProperty("t").GetInt64().ShouldBeGreaterThanOrEqualTo((before - 6 * 3_600_000) / 60_000 * 60_000);
        previousClose.ShouldBe(100_000m); // ends where the live market starts (BTC's initial price)

        var hourly = await Info(sim, $$$"""{"type":"candleSnapshot","req":{"coin":"BTC","interval":"1h","startTime":0,"endTime":{{{after}}}}}""");
        hourly.GetArrayLength().ShouldBeInRange(6, 7);
        decimal hourVolume = candles.EnumerateArray().Where(c => c.GetProperty("t").GetInt64() / 3_600_000 == hourly[1].GetProperty("t").GetInt64() / 3_600_000).Sum(c => Dec(c, "v"));
        Dec(hourly[1], "v").ShouldBe(hourVolume); // every interval is built from the same trades

        var funding = await Info(sim, """{"type":"fundingHistory","coin":"ETH","startTime":0}""");
        funding.ShouldMatchFixture("info_fundingHistory.response.json");
        funding.GetArrayLength().ShouldBeInRange(6, 7);
        foreach (JsonElement f in funding.EnumerateArray())
        {
            (f.GetProperty("time").GetInt64() % 3_600_000).ShouldBe(0);
            f.GetProperty("time").GetInt64().ShouldBeLessThan(after);
        }
    }

    [Fact]
    public async Task The_same_seed_generates_the_same_history_and_history_does_not_change_the_live_market()
    {
        await using var a = await TestSimulator.StartAsync(o => o with { History = TimeSpan.FromHours(1), StartPaused = true, Seed = 5 });
        await using var b = await TestSimulator.StartAsync(o => o with { History = TimeSpan.FromHours(1), StartPaused = true, Seed = 5 });
        await using var none = await TestSimulator.StartAsync(o => o with { StartPaused = true, Seed = 5 });
        string query = $$$"""{"type":"candleSnapshot","req":{"coin":"BTC","interval":"1m","startTime":0,"endTime":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}}}""";
        var first = await Info(a, query);
        var second = await Info(b, query);
        // The minutes may differ if the two started on either side of a minute boundary; BTC's closes (walked back from its initial price first) may not.
        first.EnumerateArray().Select(c => Dec(c, "c")).TakeLast(50).ShouldBe(second.EnumerateArray().Select(c => Dec(c, "c")).TakeLast(50));

        a.Host.Step(20);
        none.Host.Step(20);
        a.Host.FairPrice("ETH").ShouldBe(none.Host.FairPrice("ETH"));
    }

    [Fact]
    public void History_longer_than_a_week_is_refused()
    {
        var options = new SimulatorOptions { History = TimeSpan.FromDays(8) };
        Should.Throw<ArgumentOutOfRangeException>(options.Validate).ParamName.ShouldBe(nameof(SimulatorOptions.History));
    }
}
