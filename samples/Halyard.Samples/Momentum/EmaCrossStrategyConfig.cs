using Halyard.Core.Strategies;

namespace Halyard.Samples.Momentum;

/// <summary>Settings of <see cref="EmaCrossStrategy"/>: the shared perpetual settings plus its two averages.</summary>
public sealed record EmaCrossStrategyConfig : PerpStrategyConfig
{
    /// <summary>Fast and slow exponential averages of the mid, in quotes.</summary>
    public int FastPeriod { get; init; } = 8;
    public int SlowPeriod { get; init; } = 24;
    /// <summary>How far apart the averages must be, in basis points of the slow one, to count as a cross (filters noise).</summary>
    public decimal ThresholdBps { get; init; } = 0.5m;

    public override void Validate()
    {
        base.Validate();
        if (FastPeriod < 1) Fail(nameof(FastPeriod), FastPeriod, "must be at least 1");
        if (SlowPeriod <= FastPeriod) Fail(nameof(SlowPeriod), SlowPeriod, $"must be above {nameof(FastPeriod)} ({FastPeriod})");
        if (ThresholdBps < 0) Fail(nameof(ThresholdBps), ThresholdBps, "must not be negative");
    }
}
