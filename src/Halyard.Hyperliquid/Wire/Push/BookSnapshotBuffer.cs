namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// Reusable destination for <see cref="MarketFrameReader.TryParseL2Book"/>: the levels of the last parsed
/// <c>l2Book</c> message. Not thread-safe; one buffer per consumer. Capacity grows only if a message has more levels.
/// </summary>
public sealed class BookSnapshotBuffer
{
    private BookLevel[] _bids;
    private BookLevel[] _asks;
    private CoinName _coin;

    public BookSnapshotBuffer(int capacityPerSide = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityPerSide);
        _bids = new BookLevel[capacityPerSide];
        _asks = new BookLevel[capacityPerSide];
    }

    public string Coin => _coin.Value;
    /// <summary>The coin as written on the wire; look it up with this to avoid making a string.</summary>
    public ReadOnlySpan<byte> CoinUtf8 => _coin.Utf8;
    /// <summary>Venue time of the snapshot, Unix milliseconds.</summary>
    public long Time { get; internal set; }
    public int BidCount { get; private set; }
    public int AskCount { get; private set; }
    /// <summary>Bids, best (highest) first.</summary>
    public ReadOnlySpan<BookLevel> Bids => _bids.AsSpan(0, BidCount);
    /// <summary>Asks, best (lowest) first.</summary>
    public ReadOnlySpan<BookLevel> Asks => _asks.AsSpan(0, AskCount);

    internal void SetCoin(ReadOnlySpan<byte> utf8) => _coin.Set(utf8);

    internal void Reset()
    {
        BidCount = 0;
        AskCount = 0;
        Time = 0;
    }

    internal void Add(int side, in BookLevel level)
    {
        if (side == 0)
        {
            if (BidCount == _bids.Length) Array.Resize(ref _bids, _bids.Length * 2);
            _bids[BidCount++] = level;
        }
        else
        {
            if (AskCount == _asks.Length) Array.Resize(ref _asks, _asks.Length * 2);
            _asks[AskCount++] = level;
        }
    }
}
