using Halyard.Core.Model;

namespace Halyard.Samples.Backtest;

/// <summary>Settings of <see cref="MidCrossStrategy"/>; <see cref="Validate"/> names the field at fault.</summary>
public sealed record MidCrossStrategyConfig
{
    public string StrategyId { get; init; } = "MIDCROSS-001";
    public required InstrumentId InstrumentId { get; init; }
    /// <summary>Order size in base units (e.g. 0.01 BTC).</summary>
    public required decimal TradeSize { get; init; }
    /// <summary>Fast and slow exponential averages of the mid, in quotes.</summary>
    public int FastPeriod { get; init; } = 50;
    public int SlowPeriod { get; init; } = 400;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StrategyId)) throw new ArgumentException("StrategyId is required", nameof(StrategyId));
        if (InstrumentId is null) throw new ArgumentException("InstrumentId is required", nameof(InstrumentId));
        if (TradeSize <= 0) throw new ArgumentException($"TradeSize must be positive (was {TradeSize})", nameof(TradeSize));
        if (FastPeriod < 1) throw new ArgumentException($"FastPeriod must be at least 1 (was {FastPeriod})", nameof(FastPeriod));
        if (SlowPeriod <= FastPeriod) throw new ArgumentException($"SlowPeriod ({SlowPeriod}) must be above FastPeriod ({FastPeriod})", nameof(SlowPeriod));
    }
}
