namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>Reusable destination for <see cref="MarketFrameReader.TryParseCandle"/>: one candle, fixed-point raw values (scale 10^9).</summary>
public sealed class CandleBuffer
{
    private CoinName _coin;
    private CoinName _interval;

    public string Coin => _coin.Value;
    public ReadOnlySpan<byte> CoinUtf8 => _coin.Utf8;
    /// <summary>The wire interval ("1m" … "1M").</summary>
    public ReadOnlySpan<byte> IntervalUtf8 => _interval.Utf8;
    /// <summary>Open time (<c>t</c>), Unix milliseconds.</summary>
    public long OpenTimeMs { get; internal set; }
    /// <summary>Last millisecond of the candle (<c>T</c>).</summary>
    public long CloseTimeMs { get; internal set; }
    public long OpenRaw { get; internal set; }
    public long HighRaw { get; internal set; }
    public long LowRaw { get; internal set; }
    public long CloseRaw { get; internal set; }
    public long VolumeRaw { get; internal set; }

    internal void SetCoin(ReadOnlySpan<byte> utf8) => _coin.Set(utf8);
    internal void SetInterval(ReadOnlySpan<byte> utf8) => _interval.Set(utf8);
}
