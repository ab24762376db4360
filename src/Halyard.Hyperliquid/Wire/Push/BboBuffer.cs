namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>Reusable destination for <see cref="MarketFrameReader.TryParseBbo"/>; a side is absent when the venue sent null.</summary>
public sealed class BboBuffer
{
    private CoinName _coin;

    public string Coin => _coin.Value;
    public ReadOnlySpan<byte> CoinUtf8 => _coin.Utf8;
    public long Time { get; internal set; }
    public bool HasBid { get; internal set; }
    public bool HasAsk { get; internal set; }
    public BookLevel Bid { get; internal set; }
    public BookLevel Ask { get; internal set; }

    internal void SetCoin(ReadOnlySpan<byte> utf8) => _coin.Set(utf8);

    internal void Reset()
    {
        Time = 0;
        HasBid = HasAsk = false;
        Bid = Ask = default;
    }
}
