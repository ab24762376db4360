namespace Halyard.Core.Data;

/// <summary>Kinds of market data a strategy can subscribe to.</summary>
public enum DataKind
{
    Quotes = 1,
    Trades = 2,
    /// <summary>The raw deltas of each venue update.</summary>
    BookDeltas = 3,
    /// <summary>The maintained <see cref="OrderBook"/> after each venue update (fed by the same deltas).</summary>
    Book = 4,
    Bars = 5,
    MarkPrices = 6,
    FundingRates = 7,
}
