using Halyard.Core.Cache;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Data;

/// <summary>
/// Takes market data from the data clients (through the kernel), keeps the order books and the cache
/// current, then publishes to subscribers, so a strategy callback always sees an updated cache.
/// Routes subscribe/unsubscribe commands to the client of the instrument's venue, counting subscribers
/// so a feed is opened once and closed when its last subscriber leaves.
/// </summary>
public sealed class DataEngine
{
    /// <summary>Bus endpoint taking <see cref="SubscribeData"/> commands.</summary>
    public const string Endpoint = "DataEngine.Execute";

    /// <summary>Everything resolved once per instrument so a message costs one dictionary lookup.</summary>
    private sealed class InstrumentChannels(MessageBus bus, InstrumentId id)
    {
        public readonly Topic<QuoteTick> Quotes = bus.GetTopic<QuoteTick>(TopicNames.Quotes(id));
        public readonly Topic<TradeTick> Trades = bus.GetTopic<TradeTick>(TopicNames.Trades(id));
        public readonly Topic<OrderBookDeltas> Deltas = bus.GetTopic<OrderBookDeltas>(TopicNames.BookDeltas(id));
        public readonly Topic<OrderBook> Book = bus.GetTopic<OrderBook>(TopicNames.Book(id));
        public readonly Topic<MarkPriceUpdate> MarkPrices = bus.GetTopic<MarkPriceUpdate>(TopicNames.MarkPrices(id));
        public readonly Topic<FundingRateUpdate> FundingRates = bus.GetTopic<FundingRateUpdate>(TopicNames.FundingRates(id));
        public readonly Topic<Instrument> Instrument = bus.GetTopic<Instrument>(TopicNames.Instrument(id));
        public OrderBook? OrderBook;
    }

    private readonly MessageBus _bus;
    private readonly ICache _cache;
    private readonly ILogger _log;
    private readonly Dictionary<InstrumentId, InstrumentChannels> _channels = [];
    private readonly Dictionary<BarType, Topic<Bar>> _barTopics = [];
    private readonly Dictionary<Venue, IDataClient> _clients = [];
    private readonly Dictionary<(DataKind Kind, object Key), int> _subscriberCounts = [];
    private readonly HashSet<Venue> _warnedNoClient = [];

    public DataEngine(MessageBus bus, ICache cache, ILoggerFactory? loggerFactory = null)
    {
        _bus = bus;
        _cache = cache;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DataEngine>();
        bus.RegisterEndpoint<SubscribeData>(Endpoint, Execute);
    }

    public IReadOnlyCollection<IDataClient> Clients => _clients.Values;

    public long QuoteCount { get; private set; }
    public long TradeCount { get; private set; }
    public long DeltaBatchCount { get; private set; }

    /// <summary>Registers the feed of a venue; one client per venue.</summary>
    public void AddClient(IDataClient client)
    {
        if (!_clients.TryAdd(client.Venue, client))
            throw new InvalidOperationException($"a data client for {client.Venue} is already registered ({_clients[client.Venue].ClientId})");
    }

    public void Process(in QuoteTick quote)
    {
        QuoteCount++;
        _cache.AddQuote(in quote);
        ChannelsOf(quote.InstrumentId).Quotes.Publish(quote);
    }

    public void Process(in TradeTick trade)
    {
        TradeCount++;
        _cache.AddTrade(in trade);
        ChannelsOf(trade.InstrumentId).Trades.Publish(trade);
    }

    public void Process(OrderBookDeltas deltas)
    {
        DeltaBatchCount++;
        InstrumentChannels channels = ChannelsOf(deltas.InstrumentId);
        OrderBook book = channels.OrderBook ??= CreateBook(deltas.InstrumentId);
        book.Apply(deltas);
        channels.Deltas.Publish(deltas);
        channels.Book.Publish(book);
    }

    public void Process(in OrderBookDelta delta)
    {
        InstrumentChannels channels = ChannelsOf(delta.InstrumentId);
        OrderBook book = channels.OrderBook ??= CreateBook(delta.InstrumentId);
        book.Apply(in delta);
        if (delta.IsLast) channels.Book.Publish(book);
    }

    public void Process(in Bar bar)
    {
        _cache.AddBar(in bar);
        if (!_barTopics.TryGetValue(bar.BarType, out Topic<Bar>? topic))
            _barTopics[bar.BarType] = topic = _bus.GetTopic<Bar>(TopicNames.Bars(bar.BarType));
        topic.Publish(bar);
    }

    public void Process(in MarkPriceUpdate markPrice)
    {
        _cache.AddMarkPrice(in markPrice);
        ChannelsOf(markPrice.InstrumentId).MarkPrices.Publish(markPrice);
    }

    public void Process(in FundingRateUpdate fundingRate)
    {
        _cache.AddFundingRate(in fundingRate);
        ChannelsOf(fundingRate.InstrumentId).FundingRates.Publish(fundingRate);
    }

    public void Process(Instrument instrument)
    {
        _cache.AddInstrument(instrument);
        InstrumentChannels channels = ChannelsOf(instrument.Id);
        if (channels.OrderBook is null) channels.OrderBook = CreateBook(instrument.Id);
        channels.Instrument.Publish(instrument);
    }

    /// <summary>Any data message from the inbox; false when it is not market data.</summary>
    public bool TryProcess(object message)
    {
        switch (message)
        {
            case OrderBookDeltas d: Process(d); return true;
            case Instrument i: Process(i); return true;
            case Bar b: Process(in b); return true;
            case FundingRateUpdate f: Process(in f); return true;
            case QuoteTick q: Process(in q); return true;
            case TradeTick t: Process(in t); return true;
            case MarkPriceUpdate m: Process(in m); return true;
            case OrderBookDelta d: Process(in d); return true;
            default: return false;
        }
    }

    private InstrumentChannels ChannelsOf(InstrumentId id)
    {
        // A feed repeats one instrument instance message after message: skip the dictionary then.
        if (ReferenceEquals(id, _lastChannelsId)) return _lastChannels!;
        if (!_channels.TryGetValue(id, out InstrumentChannels? channels))
            _channels[id] = channels = new InstrumentChannels(_bus, id);
        _lastChannelsId = id;
        _lastChannels = channels;
        return channels;
    }

    private InstrumentId? _lastChannelsId;
    private InstrumentChannels? _lastChannels;

    private OrderBook CreateBook(InstrumentId id)
    {
        Instrument? instrument = _cache.Instrument(id);
        var book = new OrderBook(id, instrument?.PricePrecision ?? 0, instrument?.SizePrecision ?? 0);
        _cache.AddOrderBook(book);
        return book;
    }

    /// <summary>Makes sure the topics and book of an instrument exist before the first message (warm-up).</summary>
    public void Prepare(InstrumentId id)
    {
        InstrumentChannels channels = ChannelsOf(id);
        channels.OrderBook ??= CreateBook(id);
    }

    /// <summary>Starts or stops a feed; the client is called only for the first subscriber and after the last one leaves.</summary>
    public void Execute(SubscribeData command)
    {
        // Book and BookDeltas share the venue's delta feed.
        DataKind feed = command.Kind == DataKind.Book ? DataKind.BookDeltas : command.Kind;
        var key = (feed, (object?)command.BarType ?? command.InstrumentId);
        int count = _subscriberCounts.GetValueOrDefault(key);
        if (command.Unsubscribe)
        {
            if (count == 0)
            {
                _log.LogWarning("{Command} ignored: no such subscription", command);
                return;
            }
            if (count == 1) _subscriberCounts.Remove(key);
            else _subscriberCounts[key] = count - 1;
            if (count == 1) CallClient(command, feed, subscribe: false);
            return;
        }
        _subscriberCounts[key] = count + 1;
        if (feed == DataKind.BookDeltas) Prepare(command.InstrumentId);
        if (count == 0) CallClient(command, feed, subscribe: true);
    }

    /// <summary>How many subscribers a feed has (for tests and diagnostics).</summary>
    public int SubscriberCount(DataKind kind, InstrumentId instrumentId, BarType? barType = null) =>
        _subscriberCounts.GetValueOrDefault((kind == DataKind.Book ? DataKind.BookDeltas : kind, (object?)barType ?? instrumentId));

    private void CallClient(SubscribeData command, DataKind feed, bool subscribe)
    {
        Venue venue = command.InstrumentId.Venue;
        if (!_clients.TryGetValue(venue, out IDataClient? client))
        {
            // Normal in a backtest, where data is replayed rather than subscribed to.
            if (_warnedNoClient.Add(venue)) _log.LogInformation("No data client for {Venue}; {Command} is recorded only", venue, command);
            return;
        }
        InstrumentId id = command.InstrumentId;
        switch (feed, subscribe)
        {
            case (DataKind.Quotes, true): client.SubscribeQuotes(id); break;
            case (DataKind.Quotes, false): client.UnsubscribeQuotes(id); break;
            case (DataKind.Trades, true): client.SubscribeTrades(id); break;
            case (DataKind.Trades, false): client.UnsubscribeTrades(id); break;
            case (DataKind.BookDeltas, true): client.SubscribeBookDeltas(id); break;
            case (DataKind.BookDeltas, false): client.UnsubscribeBookDeltas(id); break;
            case (DataKind.Bars, true): client.SubscribeBars(command.BarType!); break;
            case (DataKind.Bars, false): client.UnsubscribeBars(command.BarType!); break;
            case (DataKind.MarkPrices, true): client.SubscribeMarkPrices(id); break;
            case (DataKind.MarkPrices, false): client.UnsubscribeMarkPrices(id); break;
            case (DataKind.FundingRates, true): client.SubscribeFundingRates(id); break;
            case (DataKind.FundingRates, false): client.UnsubscribeFundingRates(id); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "unknown data kind");
        }
    }
}
