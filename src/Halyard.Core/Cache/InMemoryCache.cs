using System.Runtime.CompilerServices;
using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Cache;

/// <summary>The cache in process memory; the kernel's default and what a persistent cache warms from.</summary>
public sealed partial class InMemoryCache : ICache
{
    private readonly Dictionary<InstrumentId, Instrument> _instruments = [];
    // A slot per instrument, and the last one written: a stream of one instrument's quotes updates in place, no lookup.
    private readonly Dictionary<InstrumentId, StrongBox<QuoteTick>> _quotes = [];
    private InstrumentId? _lastQuoteId;
    private StrongBox<QuoteTick>? _lastQuote;
    private readonly Dictionary<InstrumentId, TradeTick> _trades = [];
    private readonly Dictionary<BarType, Bar> _bars = [];
    private readonly Dictionary<InstrumentId, MarkPriceUpdate> _markPrices = [];
    private readonly Dictionary<InstrumentId, FundingRateUpdate> _fundingRates = [];
    private readonly Dictionary<InstrumentId, OrderBook> _books = [];

    public void AddInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _instruments[instrument.Id] = instrument;
    }

    public Instrument? Instrument(InstrumentId instrumentId) => _instruments.GetValueOrDefault(instrumentId);

    public IReadOnlyList<Instrument> Instruments(Venue? venue = null) =>
        [.. _instruments.Values.Where(i => venue is not Venue v || i.Id.Venue == v).OrderBy(i => i.Id.ToString(), StringComparer.Ordinal)];

    public void AddQuote(in QuoteTick quote)
    {
        InstrumentId id = quote.InstrumentId;
        if (!ReferenceEquals(id, _lastQuoteId) || _lastQuote is null)
        {
            if (!_quotes.TryGetValue(id, out StrongBox<QuoteTick>? slot)) _quotes[id] = slot = new StrongBox<QuoteTick>();
            _lastQuoteId = id;
            _lastQuote = slot;
        }
        _lastQuote.Value = quote;
    }

    public void AddTrade(in TradeTick trade) => _trades[trade.InstrumentId] = trade;
    public void AddBar(in Bar bar) => _bars[bar.BarType] = bar;
    public void AddMarkPrice(in MarkPriceUpdate markPrice) => _markPrices[markPrice.InstrumentId] = markPrice;
    public void AddFundingRate(in FundingRateUpdate fundingRate) => _fundingRates[fundingRate.InstrumentId] = fundingRate;

    public bool TryGetQuote(InstrumentId instrumentId, out QuoteTick quote)
    {
        bool found = _quotes.TryGetValue(instrumentId, out StrongBox<QuoteTick>? slot);
        quote = found ? slot!.Value : default;
        return found;
    }

    public bool TryGetTrade(InstrumentId instrumentId, out TradeTick trade) => _trades.TryGetValue(instrumentId, out trade);
    public bool TryGetBar(BarType barType, out Bar bar) => _bars.TryGetValue(barType, out bar);
    public bool TryGetMarkPrice(InstrumentId instrumentId, out MarkPriceUpdate markPrice) => _markPrices.TryGetValue(instrumentId, out markPrice);
    public bool TryGetFundingRate(InstrumentId instrumentId, out FundingRateUpdate fundingRate) => _fundingRates.TryGetValue(instrumentId, out fundingRate);

    public Price? Price(InstrumentId instrumentId, OrderSide side = OrderSide.NoOrderSide)
    {
        if (_markPrices.TryGetValue(instrumentId, out MarkPriceUpdate mark)) return mark.Value;
        if (TryGetQuote(instrumentId, out QuoteTick q))
        {
            return side switch
            {
                OrderSide.Sell => q.BidPrice,
                OrderSide.Buy => q.AskPrice,
                _ => Model.Price.FromRaw((q.BidPrice.Raw + q.AskPrice.Raw) / 2, (byte)Math.Min(q.BidPrice.Precision + 1, FixedPoint.Scale)),
            };
        }
        return _trades.TryGetValue(instrumentId, out TradeTick t) ? t.Price : null;
    }

    public void AddOrderBook(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _books[book.InstrumentId] = book;
    }

    public OrderBook? OrderBook(InstrumentId instrumentId) => _books.GetValueOrDefault(instrumentId);
}
