namespace Halyard.Simulator.Market;

/// <summary>One OHLCV candle being built or done; times are the open and the last millisecond of the interval.</summary>
internal sealed class Candle
{
    public required string Coin { get; init; }
    public required string Interval { get; init; }
    public required long OpenTimeMs { get; init; }
    public required long CloseTimeMs { get; init; }
    public decimal Open { get; set; }
    public decimal High { get; set; }
    public decimal Low { get; set; }
    public decimal Close { get; set; }
    public decimal Volume { get; set; }
    public int Trades { get; set; }

    public Candle Copy() => (Candle)MemberwiseClone();
}
