namespace Halyard.Core.Data;

/// <summary>Historical market data for a backtest, replayed in <c>ts_init</c> order (a Parquet catalog, say).</summary>
public interface IMarketDataSource
{
    /// <summary>Opens a streaming reader over everything the query selects, merged in <c>ts_init</c> order.</summary>
    IMarketDataReader Open(MarketDataQuery query);
}
