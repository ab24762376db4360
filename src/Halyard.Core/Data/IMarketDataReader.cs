using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>
/// A pull iterator over market data in <c>ts_init</c> order (ties keep a stable order). It streams:
/// only a bounded window is in memory. The item is read through the property matching <see cref="Kind"/>;
/// it stays valid until the next <see cref="MoveNext"/>. Not thread-safe.
/// </summary>
public interface IMarketDataReader : IDisposable
{
    /// <summary>Advances to the next item; false at the end.</summary>
    bool MoveNext();

    MarketDataKind Kind { get; }
    long TsInit { get; }

    QuoteTick Quote { get; }
    TradeTick Trade { get; }
    OrderBookDelta Delta { get; }
    Bar Bar { get; }
    MarkPriceUpdate MarkPrice { get; }
    FundingRateUpdate FundingRate { get; }

    /// <summary>The current depth snapshot; readers that hold none throw.</summary>
    OrderBookDepth10 Depth10 => throw new NotSupportedException($"{GetType().Name} holds no {nameof(MarketDataKind.OrderBookDepth10)} data");
}
