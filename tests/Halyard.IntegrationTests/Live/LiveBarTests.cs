using Halyard.Core.Model;
using static Halyard.IntegrationTests.Live.LiveDataNode;

namespace Halyard.IntegrationTests.Live;

/// <summary>Bars need a candle to close, so up to a minute of wall time: a class of its own so it runs beside the others.</summary>
public class LiveBarTests
{
    [Fact]
    public async Task One_minute_candles_become_closed_bars_once_the_next_minute_starts()
    {
        var barType = new BarType(Btc, new BarSpecification(1, BarAggregation.Minute, PriceType.Last));
        await using var live = await StartAsync(paused: false, bars: [barType]);

        await Until(() => live.Strategy.Bars.Count >= 1, "a closed 1-minute bar", seconds: 150);

        Bar bar = live.Strategy.Bars[0];
        bar.BarType.ShouldBe(barType);
        (bar.TsEvent % 60_000_000_000L).ShouldBe(0, "a bar closes on the minute");
        bar.High.ShouldBeGreaterThanOrEqualTo(bar.Low);
        bar.High.ShouldBeGreaterThanOrEqualTo(bar.Open);
        bar.Low.ShouldBeLessThanOrEqualTo(bar.Close);
        bar.Volume.IsZero.ShouldBeFalse();
        bar.Open.Precision.ShouldBe((byte)1);
        bar.TsInit.ShouldBeGreaterThanOrEqualTo(bar.TsEvent);
    }
}
