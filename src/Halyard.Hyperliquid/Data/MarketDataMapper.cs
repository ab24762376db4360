using System.Collections.Concurrent;
using System.Diagnostics;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Wire.Push;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Hyperliquid.Data;

/// <summary>
/// Maps the market data frames of the subscribed feeds (bbo, trades, l2Book, candle, activeAssetCtx) to our model
/// and posts them into the kernel inbox: <c>TsEvent</c> from the venue's time, <c>TsInit</c> from our clock, feed
/// latency and processing time recorded per message. Parsing goes through <see cref="MarketFrameReader"/> into
/// reused buffers; the steady state allocates only what the kernel keeps (a book update's deltas, a trade id).
/// A malformed frame is counted and logged and posts nothing. Call from one thread (the socket's receive loop).
/// </summary>
internal sealed partial class MarketDataMapper
{
    private readonly KernelInbox _inbox;
    private readonly IClock _clock;
    private readonly Func<MarketTable> _markets;
    private readonly ConcurrentDictionary<string, CoinFeed> _feeds;
    private readonly HyperliquidMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly BookSnapshotBuffer _book = new();
    private readonly BboBuffer _bbo = new();
    private readonly TradeBuffer _trades = new();
    private readonly CandleBuffer _candle = new();
    private readonly AssetContextBuffer _context = new();
    private readonly List<OrderBookDelta> _deltas = new(64);
    private long _malformed;
    private long _skipped;

    public MarketDataMapper(KernelInbox inbox, IClock clock, Func<MarketTable> markets, ConcurrentDictionary<string, CoinFeed> feeds,
        HyperliquidMetrics? metrics = null, ILogger? logger = null)
    {
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _markets = markets ?? throw new ArgumentNullException(nameof(markets));
        _feeds = feeds ?? throw new ArgumentNullException(nameof(feeds));
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Frames that could not be read (bad JSON, a missing or invalid field); nothing was posted for them.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformed);

    /// <summary>Well-formed frames not mapped: an unknown coin, a feed no longer subscribed, a one-sided bbo.</summary>
    public long SkippedFrames => Interlocked.Read(ref _skipped);

    /// <summary>Handles one frame of any channel; frames of channels other than market data are ignored.</summary>
    public void Handle(WsChannel channel, ReadOnlySpan<byte> frame)
    {
        long received = Stopwatch.GetTimestamp();
        long tsInit = _clock.UtcNowNs;
        switch (channel)
        {
            case WsChannel.L2Book: OnL2Book(frame, tsInit, received); break;
            case WsChannel.Bbo: OnBbo(frame, tsInit, received); break;
            case WsChannel.Trades: OnTrades(frame, tsInit, received); break;
            case WsChannel.Candle: OnCandle(frame, tsInit, received); break;
            case WsChannel.ActiveAssetCtx: OnAssetContext(frame, tsInit, received); break;
        }
    }

    /// <summary>Makes the next l2Book push of every coin a snapshot (the connection was lost: diffs would be against a stale book).</summary>
    public void ResetBooks()
    {
        foreach (CoinFeed feed in _feeds.Values) feed.Differ?.Reset();
    }

    private void OnL2Book(ReadOnlySpan<byte> frame, long tsInit, long received)
    {
        if (!MarketFrameReader.TryParseL2Book(frame, _book, out string? error)) { Malformed(WsChannel.L2Book, error); return; }
        if (!TryFeed(_book.CoinUtf8, out HyperliquidMarket market, out CoinFeed feed) || !feed.Book) { Skip(); return; }
        Instrument instrument = market.Instrument;
        L2BookDiffer? differ = feed.Differ;
        int epoch = feed.BookEpoch;
        if (differ is null || differ.InstrumentId != instrument.Id || differ.PricePrecision != instrument.PricePrecision
            || differ.SizePrecision != instrument.SizePrecision)
        {
            feed.Differ = differ = new L2BookDiffer(instrument.Id, instrument.PricePrecision, instrument.SizePrecision);
        }
        else if (feed.DifferEpoch != epoch)
        {
            differ.Reset();
        }
        feed.DifferEpoch = epoch;
        long tsEvent = WirePrecision.MsToNs(_book.Time);
        _deltas.Clear();
        if (differ.Apply(_book.Bids, _book.Asks, tsEvent, tsInit, _deltas) == 0) return; // unchanged book
        // The kernel reads the deltas later on its own thread, so each update gets its own array.
        _inbox.Post(new OrderBookDeltas(instrument.Id, _deltas.ToArray()));
        Record(tsEvent, tsInit, received);
    }

    private void OnBbo(ReadOnlySpan<byte> frame, long tsInit, long received)
    {
        if (!MarketFrameReader.TryParseBbo(frame, _bbo, out string? error)) { Malformed(WsChannel.Bbo, error); return; }
        if (!TryFeed(_bbo.CoinUtf8, out HyperliquidMarket market, out CoinFeed feed) || !feed.Quotes) { Skip(); return; }
        if (!_bbo.HasBid || !_bbo.HasAsk) { Skip(); return; } // a one-sided book has no quote
        Instrument i = market.Instrument;
        long tsEvent = WirePrecision.MsToNs(_bbo.Time);
        BookLevel bid = _bbo.Bid, ask = _bbo.Ask;
        _inbox.Post(new QuoteTick(i.Id,
            WirePrecision.ToPrice(bid.PriceRaw, i.PricePrecision), WirePrecision.ToPrice(ask.PriceRaw, i.PricePrecision),
            WirePrecision.ToQuantity(bid.SizeRaw, i.SizePrecision), WirePrecision.ToQuantity(ask.SizeRaw, i.SizePrecision),
            tsEvent, tsInit));
        Record(tsEvent, tsInit, received);
    }

    private void OnTrades(ReadOnlySpan<byte> frame, long tsInit, long received)
    {
        if (!MarketFrameReader.TryParseTrades(frame, _trades, out string? error)) { Malformed(WsChannel.Trades, error); return; }
        if (_trades.Count == 0) return;
        if (!TryFeed(_trades.CoinUtf8, out HyperliquidMarket market, out CoinFeed feed) || !feed.Trades) { Skip(); return; }
        Instrument i = market.Instrument;
        foreach (ref readonly TradePrint t in _trades.Trades)
        {
            long tsEvent = WirePrecision.MsToNs(t.Time);
            // For trades, side is the aggressor's: B = a buyer lifted the ask, A = a seller hit the bid.
            _inbox.Post(new TradeTick(i.Id, WirePrecision.ToPrice(t.PriceRaw, i.PricePrecision), WirePrecision.ToQuantity(t.SizeRaw, i.SizePrecision),
                t.AggressorIsBuyer ? AggressorSide.Buyer : AggressorSide.Seller,
                t.Tid.ToString(System.Globalization.CultureInfo.InvariantCulture), tsEvent, tsInit));
            Record(tsEvent, tsInit, received);
        }
    }

    private bool TryFeed(ReadOnlySpan<byte> coin, out HyperliquidMarket market, out CoinFeed feed)
    {
        feed = null!;
        return _markets().TryGetByCoin(coin, out market) && _feeds.TryGetValue(market.Coin, out feed!);
    }

    private void Record(long tsEvent, long tsInit, long received)
    {
        _metrics?.FeedLatency.RecordNanoseconds(tsInit - tsEvent);
        RecordProcessing(received);
    }

    /// <summary>For messages without a venue time (activeAssetCtx): only our own share is known.</summary>
    private void RecordProcessing(long received)
    {
        if (_metrics is null) return;
        _metrics.FeedProcessing.RecordNanoseconds((long)Stopwatch.GetElapsedTime(received).Ticks * 100);
        _metrics.Messages.Add(1);
    }

    private void Skip() => Interlocked.Increment(ref _skipped);

    private void Malformed(WsChannel channel, string error)
    {
        long count = Interlocked.Increment(ref _malformed);
        // Logged every time at first, then sparsely, so a venue sending garbage cannot flood the log.
        if (count <= 100 || count % 1000 == 0)
            _logger.LogWarning("Malformed {Channel} frame skipped ({Count} so far): {Error}", channel, count, error);
    }
}
