namespace Halyard.Core.Data;

/// <summary>
/// The kinds of market data a <see cref="IMarketDataSource"/> stores and replays (one per stored type;
/// subscriptions use <see cref="DataKind"/>, which adds the derived order book).
/// </summary>
public enum MarketDataKind
{
    QuoteTick = 1,
    TradeTick = 2,
    OrderBookDelta = 3,
    Bar = 4,
    MarkPriceUpdate = 5,
    FundingRateUpdate = 6,
    /// <summary>Top-ten-level book snapshots (NautilusTrader's order_book_depths); recorded and read, not replayed by the backtest.</summary>
    OrderBookDepth10 = 7,
}
