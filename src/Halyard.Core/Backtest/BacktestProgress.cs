namespace Halyard.Core.Backtest;

/// <summary>How far a run is: data time reached within [start, end] and events replayed so far.</summary>
public readonly record struct BacktestProgress(long StartNs, long EndNs, long NowNs, long Events)
{
    /// <summary>Fraction of the time range replayed, 0..1.</summary>
    public double Fraction => EndNs <= StartNs ? 1 : Math.Clamp((double)(NowNs - StartNs) / (EndNs - StartNs), 0, 1);
}
