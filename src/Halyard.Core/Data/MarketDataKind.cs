namespace Halyard.Core.Data;

/// <summary>The kinds of market data a <see cref="IMarketDataSource"/> can replay.</summary>
public enum MarketDataKind
{
    QuoteTick = 1,
    TradeTick = 2,
    OrderBookDelta = 3,
    Bar = 4,
    MarkPriceUpdate = 5,
    FundingRateUpdate = 6,
}
