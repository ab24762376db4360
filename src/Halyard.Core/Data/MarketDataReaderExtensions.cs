namespace Halyard.Core.Data;

/// <summary>Conveniences over <see cref="IMarketDataReader"/> for code that is not on a hot path.</summary>
public static class MarketDataReaderExtensions
{
    /// <summary>The current item boxed as its model type (allocates: for tests, tools and small replays).</summary>
    public static object CurrentObject(this IMarketDataReader reader) => reader.Kind switch
    {
        MarketDataKind.QuoteTick => reader.Quote,
        MarketDataKind.TradeTick => reader.Trade,
        MarketDataKind.OrderBookDelta => reader.Delta,
        MarketDataKind.Bar => reader.Bar,
        MarketDataKind.MarkPriceUpdate => reader.MarkPrice,
        MarketDataKind.FundingRateUpdate => reader.FundingRate,
        MarketDataKind.OrderBookDepth10 => reader.Depth10,
        _ => throw new InvalidOperationException($"unknown kind {reader.Kind}"),
    };

    /// <summary>Drains the reader into boxed objects, in order.</summary>
    public static List<object> ReadAllObjects(this IMarketDataReader reader)
    {
        var all = new List<object>();
        while (reader.MoveNext()) all.Add(reader.CurrentObject());
        return all;
    }
}
