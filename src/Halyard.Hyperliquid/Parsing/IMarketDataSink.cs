using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>Receives what <see cref="MarketDataParser"/> maps from the venue's market data frames.</summary>
public interface IMarketDataSink
{
    void OnQuote(in QuoteTick quote);
    void OnTrade(in TradeTick trade);
    /// <summary>The deltas array is owned by the receiver (fresh per update).</summary>
    void OnBookDeltas(OrderBookDeltas deltas);
    void OnBar(Bar bar);
    void OnMarkPrice(in MarkPriceUpdate markPrice);
    void OnFundingRate(in FundingRateUpdate fundingRate);
}
