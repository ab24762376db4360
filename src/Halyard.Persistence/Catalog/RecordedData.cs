namespace Halyard.Persistence.Catalog;

/// <summary>Which feeds a <see cref="RecordingStrategy"/> subscribes to and records.</summary>
[Flags]
public enum RecordedData
{
    None = 0,
    Quotes = 1,
    Trades = 2,
    /// <summary>Book deltas: a snapshot first and after every resync, then diffs.</summary>
    Book = 4,
    Bars = 8,
    MarkPrices = 16,
    FundingRates = 32,
    /// <summary>The top ten levels after every book update (order_book_depths), from the book the data engine keeps.</summary>
    Depth10 = 64,
    All = Quotes | Trades | Book | Bars | MarkPrices | FundingRates | Depth10,
}
