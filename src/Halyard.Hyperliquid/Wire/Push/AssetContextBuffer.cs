namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>Reusable destination for <see cref="MarketFrameReader.TryParseActiveAssetCtx"/>; a field the venue sent as null is absent.</summary>
public sealed class AssetContextBuffer
{
    private CoinName _coin;

    public string Coin => _coin.Value;
    public ReadOnlySpan<byte> CoinUtf8 => _coin.Utf8;
    public bool HasMarkPrice { get; internal set; }
    /// <summary>Mark price, fixed-point raw (scale 10^9).</summary>
    public long MarkPriceRaw { get; internal set; }
    /// <summary>Decimals of the mark price as written on the wire.</summary>
    public byte MarkPriceDecimals { get; internal set; }
    public bool HasFunding { get; internal set; }
    /// <summary>Funding rate per hour as an exact fraction (it can carry more decimals than a fixed-point price).</summary>
    public decimal Funding { get; internal set; }

    internal void SetCoin(ReadOnlySpan<byte> utf8) => _coin.Set(utf8);

    internal void Reset()
    {
        HasMarkPrice = HasFunding = false;
        MarkPriceRaw = 0;
        MarkPriceDecimals = 0;
        Funding = 0;
    }
}
