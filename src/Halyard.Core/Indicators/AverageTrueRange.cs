using Halyard.Core.Model;

namespace Halyard.Core.Indicators;

/// <summary>
/// Average true range (Wilder): the true range of a bar is max(high − low, |high − previous close|,
/// |low − previous close|); the first value is the simple mean of <see cref="Period"/> ranges, then
/// ATR = (ATR × (period − 1) + TR) / period. Exact decimals.
/// </summary>
public sealed class AverageTrueRange
{
    private decimal? _previousClose;
    private decimal _sum;
    private int _count;

    public AverageTrueRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }
    /// <summary>The current ATR; 0 until <see cref="IsReady"/>.</summary>
    public decimal Value { get; private set; }
    /// <summary>True once <see cref="Period"/> bars were seen.</summary>
    public bool IsReady => _count >= Period;

    public void Update(in Bar bar) => Update(bar.High.ToDecimal(), bar.Low.ToDecimal(), bar.Close.ToDecimal());

    public void Update(decimal high, decimal low, decimal close)
    {
        if (high < low) throw new ArgumentException($"high {high} is below low {low}", nameof(high));
        decimal range = high - low;
        if (_previousClose is decimal prev) range = Math.Max(range, Math.Max(Math.Abs(high - prev), Math.Abs(low - prev)));
        _previousClose = close;
        if (_count < Period)
        {
            _sum += range;
            _count++;
            if (_count == Period) Value = _sum / Period;
            return;
        }
        Value = (Value * (Period - 1) + range) / Period;
    }

    public void Reset()
    {
        _previousClose = null;
        _sum = 0;
        _count = 0;
        Value = 0;
    }
}
