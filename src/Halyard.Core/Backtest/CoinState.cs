using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>The simulated venue's view of one market: the recorded top of book, last trade, mark and funding.</summary>
internal sealed class CoinState(CryptoPerpetual instrument)
{
    public CryptoPerpetual Instrument { get; } = instrument;
    public string Coin { get; } = instrument.RawSymbol;
    public long TickRaw { get; } = instrument.PriceIncrement.Raw;
    public long BidRaw, AskRaw, BidSzRaw, AskSzRaw;
    public long LastPxRaw, LastSzRaw;
    public long MarkRaw;
    /// <summary>The mark last handed to the engine (it lags <see cref="MarkRaw"/> while nothing depends on it).</summary>
    public long EngineMarkRaw;
    /// <summary>The strategy account holds a position here (so every mark move matters: PnL, liquidation).</summary>
    public bool HasPosition;
    /// <summary>Mark prices are in the data: quotes and trades no longer move the mark.</summary>
    public bool HasMarkData;
    public decimal? FundingRate;
    /// <summary>The recorded L2 book when book deltas are replayed (null otherwise).</summary>
    public OrderBook? Book;
    public readonly List<OrderBookDelta> PendingDeltas = [];
    /// <summary>The strategy's orders resting on the book, oldest first.</summary>
    public readonly List<VenueOrder> Resting = [];

    /// <summary>The strategy's trigger orders waiting for the mark.</summary>
    public int Waiting;

    public bool HasQuote => BidRaw > 0 && AskRaw > 0;
}
