using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Ws;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Data;

public sealed partial class HyperliquidDataClient
{
    private readonly object _gate = new();
    // How many of our feeds need each venue subscription (activeAssetCtx serves mark prices and funding rates).
    private readonly Dictionary<WsSubscription, int> _wanted = [];

    public void SubscribeQuotes(InstrumentId instrumentId) => Change(instrumentId, "quotes", on: true, static f => f.Quotes, static (f, v) => f.Quotes = v, WsSubscription.Bbo);
    public void UnsubscribeQuotes(InstrumentId instrumentId) => Change(instrumentId, "quotes", on: false, static f => f.Quotes, static (f, v) => f.Quotes = v, WsSubscription.Bbo);
    public void SubscribeTrades(InstrumentId instrumentId) => Change(instrumentId, "trades", on: true, static f => f.Trades, static (f, v) => f.Trades = v, WsSubscription.Trades);
    public void UnsubscribeTrades(InstrumentId instrumentId) => Change(instrumentId, "trades", on: false, static f => f.Trades, static (f, v) => f.Trades = v, WsSubscription.Trades);
    public void SubscribeBookDeltas(InstrumentId instrumentId) => Change(instrumentId, "book deltas", on: true, static f => f.Book, static (f, v) => f.Book = v, static c => WsSubscription.L2Book(c));
    public void UnsubscribeBookDeltas(InstrumentId instrumentId) => Change(instrumentId, "book deltas", on: false, static f => f.Book, static (f, v) => f.Book = v, static c => WsSubscription.L2Book(c));
    public void SubscribeMarkPrices(InstrumentId instrumentId) => Change(instrumentId, "mark prices", on: true, static f => f.MarkPrices, static (f, v) => f.MarkPrices = v, WsSubscription.ActiveAssetCtx);
    public void UnsubscribeMarkPrices(InstrumentId instrumentId) => Change(instrumentId, "mark prices", on: false, static f => f.MarkPrices, static (f, v) => f.MarkPrices = v, WsSubscription.ActiveAssetCtx);
    public void SubscribeFundingRates(InstrumentId instrumentId) => Change(instrumentId, "funding rates", on: true, static f => f.FundingRates, static (f, v) => f.FundingRates = v, WsSubscription.ActiveAssetCtx);
    public void UnsubscribeFundingRates(InstrumentId instrumentId) => Change(instrumentId, "funding rates", on: false, static f => f.FundingRates, static (f, v) => f.FundingRates = v, WsSubscription.ActiveAssetCtx);

    /// <summary>Closed bars from the venue's candles; only time bars of the venue's intervals on LAST prices, aggregated EXTERNAL.</summary>
    public void SubscribeBars(BarType barType)
    {
        ArgumentNullException.ThrowIfNull(barType);
        if (!TryCandleInterval(barType, out string interval) || !TryMarket(barType.InstrumentId, "bars", out HyperliquidMarket market)) return;
        lock (_gate)
        {
            CoinFeed feed = FeedOf(market.Coin);
            if (!feed.Bars.TryAdd(barType.Specification, barType)) return;
            Want(WsSubscription.Candle(market.Coin, interval), on: true);
        }
    }

    public void UnsubscribeBars(BarType barType)
    {
        ArgumentNullException.ThrowIfNull(barType);
        if (!TryCandleInterval(barType, out string interval) || !TryMarket(barType.InstrumentId, "bars", out HyperliquidMarket market)) return;
        lock (_gate)
        {
            CoinFeed feed = FeedOf(market.Coin);
            if (!feed.Bars.TryRemove(barType.Specification, out _)) return;
            Want(WsSubscription.Candle(market.Coin, interval), on: false);
        }
    }

    private void Change(InstrumentId instrumentId, string what, bool on, Func<CoinFeed, bool> get, Action<CoinFeed, bool> set, Func<string, WsSubscription> subscription)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        if (!TryMarket(instrumentId, what, out HyperliquidMarket market)) return;
        lock (_gate)
        {
            CoinFeed feed = FeedOf(market.Coin);
            if (get(feed) == on) return;
            // The flag changes first: after an unsubscribe no further frame of this feed is posted, even one in flight.
            set(feed, on);
            Want(subscription(market.Coin), on);
        }
    }

    /// <summary>Counts the feeds that need a venue subscription; queues the frame when the first arrives or the last leaves.</summary>
    private void Want(WsSubscription subscription, bool on)
    {
        int count = _wanted.GetValueOrDefault(subscription) + (on ? 1 : -1);
        if (count > 0) _wanted[subscription] = count;
        else _wanted.Remove(subscription);
        if ((on && count == 1) || (!on && count == 0)) _commands.Writer.TryWrite((on, subscription));
    }

    private CoinFeed FeedOf(string coin) => _feeds.GetOrAdd(coin, static c => new CoinFeed(c));

    private bool TryMarket(InstrumentId instrumentId, string what, out HyperliquidMarket market)
    {
        if (_instruments.Table.TryGetByInstrument(instrumentId, out market)) return true;
        _logger.LogWarning("{ClientId}: cannot subscribe to {What} of {InstrumentId}: the venue does not list it{Hint}", ClientId, what, instrumentId,
            _instruments.Markets.Count == 0 ? " (instruments are loaded on connect)" : "");
        return false;
    }

    private bool TryCandleInterval(BarType barType, out string interval)
    {
        if (barType.Source == AggregationSource.External && barType.Specification.PriceType == PriceType.Last
            && CandleInterval.TryToWire(barType.Specification, out interval))
            return true;
        interval = "";
        _logger.LogWarning("{ClientId}: cannot subscribe to {BarType}: Hyperliquid candles are EXTERNAL LAST bars of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d, 3d, 1w or 1M",
            ClientId, barType);
        return false;
    }
}
