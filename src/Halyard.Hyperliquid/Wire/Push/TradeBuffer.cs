namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// Reusable destination for <see cref="MarketFrameReader.TryParseTrades"/>. A <c>trades</c> subscription is per coin,
/// so the buffer keeps one <see cref="Coin"/> (the first trade's); the parser rejects a message mixing coins.
/// </summary>
public sealed class TradeBuffer
{
    private TradePrint[] _trades;
    private CoinName _coin;

    public TradeBuffer(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _trades = new TradePrint[capacity];
    }

    public string Coin => _coin.Value;
    public ReadOnlySpan<byte> CoinUtf8 => _coin.Utf8;
    public int Count { get; private set; }
    public ReadOnlySpan<TradePrint> Trades => _trades.AsSpan(0, Count);

    internal void SetCoin(ReadOnlySpan<byte> utf8) => _coin.Set(utf8);

    internal bool CoinMatches(ReadOnlySpan<byte> utf8) => _coin.Matches(utf8);

    internal void Reset() => Count = 0;

    internal void Add(in TradePrint trade)
    {
        if (Count == _trades.Length) Array.Resize(ref _trades, _trades.Length * 2);
        _trades[Count++] = trade;
    }
}
