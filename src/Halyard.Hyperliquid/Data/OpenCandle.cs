using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Data;

/// <summary>The candle Hyperliquid is still updating (raw fixed-point values); it becomes a bar once a later candle starts.</summary>
internal sealed class OpenCandle(BarType barType)
{
    public BarType BarType { get; } = barType;
    public long OpenMs, CloseMs, Open, High, Low, Close, Volume;
}
