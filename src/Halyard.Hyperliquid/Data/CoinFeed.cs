using System.Collections.Concurrent;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Data;

/// <summary>
/// What is wanted for one coin, and the state its frames are mapped with. The wanted flags are written by the
/// caller of the subscribe methods (the kernel thread) and read by the socket's receive thread, so a frame that
/// arrives after an unsubscribe is dropped at once; the book differ and open candles belong to the receive thread.
/// </summary>
internal sealed class CoinFeed(string coin)
{
    private volatile bool _quotes, _trades, _book, _markPrices, _fundingRates;
    private int _bookEpoch;

    public string Coin { get; } = coin;

    public bool Quotes { get => _quotes; set => _quotes = value; }
    public bool Trades { get => _trades; set => _trades = value; }
    public bool MarkPrices { get => _markPrices; set => _markPrices = value; }
    public bool FundingRates { get => _fundingRates; set => _fundingRates = value; }

    public bool Book
    {
        get => _book;
        set
        {
            // A new book subscription starts from a snapshot, whatever the receive thread held before.
            if (value && !_book) Interlocked.Increment(ref _bookEpoch);
            _book = value;
        }
    }

    /// <summary>Changes on every book subscription; the receive thread resets its differ when it sees a new one.</summary>
    public int BookEpoch => Volatile.Read(ref _bookEpoch);

    /// <summary>Bar types wanted, by candle interval.</summary>
    public ConcurrentDictionary<BarSpecification, BarType> Bars { get; } = new();

    // ── receive thread only ────────────────────────────
    public L2BookDiffer? Differ;
    public int DifferEpoch;
    public readonly Dictionary<BarSpecification, OpenCandle> Candles = [];
}
