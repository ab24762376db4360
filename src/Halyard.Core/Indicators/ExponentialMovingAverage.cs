namespace Halyard.Core.Indicators;

/// <summary>Exponential moving average with α = 2 / (period + 1), seeded with the first value. Exact decimals.</summary>
public sealed class ExponentialMovingAverage
{
    private readonly decimal _alpha;

    public ExponentialMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _alpha = 2m / (period + 1);
    }

    public int Period { get; }
    public decimal Value { get; private set; }
    /// <summary>Values seen so far.</summary>
    public int Count { get; private set; }
    /// <summary>True once <see cref="Period"/> values were seen.</summary>
    public bool IsReady => Count >= Period;

    public void Update(decimal value)
    {
        Value = Count == 0 ? value : Value + _alpha * (value - Value);
        Count++;
    }

    public void Reset()
    {
        Value = 0;
        Count = 0;
    }
}
