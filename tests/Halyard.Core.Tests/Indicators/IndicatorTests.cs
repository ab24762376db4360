using Halyard.Core.Indicators;

namespace Halyard.Core.Tests.Indicators;

public class IndicatorTests
{
    [Fact]
    public void The_atr_is_the_mean_true_range_over_its_period_then_wilder_smoothed()
    {
        var atr = new AverageTrueRange(3);
        atr.Update(high: 10m, low: 8m, close: 9m);   // TR 2
        atr.Update(high: 12m, low: 10m, close: 11m); // TR max(2, |12−9|, |10−9|) = 3
        atr.IsReady.ShouldBeFalse();
        atr.Update(high: 11m, low: 7m, close: 8m);   // TR max(4, 0, 4) = 4
        atr.IsReady.ShouldBeTrue();
        atr.Value.ShouldBe(3m);                      // (2 + 3 + 4) / 3
        atr.Update(high: 8.5m, low: 8m, close: 8m);  // TR max(0.5, 0.5, 0) = 0.5
        atr.Value.ShouldBe((3m * 2 + 0.5m) / 3);
    }

    [Fact]
    public void A_gap_counts_in_the_true_range()
    {
        var atr = new AverageTrueRange(1);
        atr.Update(100m, 99m, 100m);
        atr.Update(111m, 110m, 110m); // gap up: |111 − 100| = 11
        atr.Value.ShouldBe(11m);
    }

    [Fact]
    public void The_ema_starts_at_the_first_value_and_moves_by_two_over_period_plus_one()
    {
        var ema = new ExponentialMovingAverage(3); // α = 0.5
        ema.Update(10m);
        ema.Value.ShouldBe(10m);
        ema.Update(20m);
        ema.Value.ShouldBe(15m);
        ema.Update(15m);
        ema.Value.ShouldBe(15m);
        ema.IsReady.ShouldBeTrue();
        ema.Update(23m);
        ema.Value.ShouldBe(19m);
    }
}
