using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.IntegrationTests.Live;

/// <summary>Market data side: subscribes to everything for its instruments and counts what arrives; counters are safe to read from the test thread.</summary>
internal sealed class DataRecordingStrategy(IReadOnlyList<InstrumentId> instruments, IReadOnlyList<BarType>? bars = null) : Strategy("RECORDER-001")
{
    private readonly object _gate = new();
    private readonly Dictionary<(InstrumentId, string), int> _counts = [];
    private readonly List<Bar> _bars = [];

    protected override void OnStart()
    {
        foreach (InstrumentId id in instruments)
        {
            SubscribeQuotes(id);
            SubscribeTrades(id);
            SubscribeBook(id);
            SubscribeBookDeltas(id);
            SubscribeMarkPrices(id);
            SubscribeFundingRates(id);
        }
        foreach (BarType bar in bars ?? []) SubscribeBars(bar);
    }

    public int Count(InstrumentId id, string kind)
    {
        lock (_gate) return _counts.GetValueOrDefault((id, kind));
    }

    public IReadOnlyList<Bar> Bars
    {
        get { lock (_gate) return _bars.ToList(); }
    }

    private void Add(InstrumentId id, string kind)
    {
        lock (_gate) _counts[(id, kind)] = _counts.GetValueOrDefault((id, kind)) + 1;
    }

    protected override void OnQuote(QuoteTick quote)
    {
        if (quote.BidPrice >= quote.AskPrice) Add(quote.InstrumentId, "crossed-quote");
        Add(quote.InstrumentId, "quote");
    }

    protected override void OnTrade(TradeTick trade)
    {
        if (trade.AggressorSide == AggressorSide.NoAggressor || string.IsNullOrEmpty(trade.TradeId)) Add(trade.InstrumentId, "bad-trade");
        Add(trade.InstrumentId, "trade");
    }

    protected override void OnBook(OrderBook book) => Add(book.InstrumentId, "book");

    protected override void OnBookDeltas(OrderBookDeltas deltas)
    {
        Add(deltas.InstrumentId, deltas.IsSnapshot ? "snapshot" : "diff");
        if (!deltas.Deltas[^1].IsLast || deltas.Deltas.Take(deltas.Deltas.Count - 1).Any(d => d.IsLast)) Add(deltas.InstrumentId, "bad-last-flag");
    }

    protected override void OnMarkPrice(MarkPriceUpdate markPrice) => Add(markPrice.InstrumentId, "mark");

    protected override void OnFundingRate(FundingRateUpdate fundingRate) => Add(fundingRate.InstrumentId, "funding");

    protected override void OnBar(Bar bar)
    {
        lock (_gate) _bars.Add(bar);
        Add(bar.BarType.InstrumentId, "bar");
    }
}
