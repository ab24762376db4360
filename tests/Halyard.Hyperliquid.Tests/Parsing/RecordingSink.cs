using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Tests.Parsing;

internal sealed class RecordingSink : IMarketDataSink
{
    public List<QuoteTick> Quotes { get; } = [];
    public List<TradeTick> Trades { get; } = [];
    public List<OrderBookDeltas> Books { get; } = [];
    public List<Bar> Bars { get; } = [];
    public List<MarkPriceUpdate> MarkPrices { get; } = [];
    public List<FundingRateUpdate> FundingRates { get; } = [];

    public void OnQuote(in QuoteTick quote) => Quotes.Add(quote);
    public void OnTrade(in TradeTick trade) => Trades.Add(trade);
    public void OnBookDeltas(OrderBookDeltas deltas) => Books.Add(deltas);
    public void OnBar(Bar bar) => Bars.Add(bar);
    public void OnMarkPrice(in MarkPriceUpdate markPrice) => MarkPrices.Add(markPrice);
    public void OnFundingRate(in FundingRateUpdate fundingRate) => FundingRates.Add(fundingRate);
}
