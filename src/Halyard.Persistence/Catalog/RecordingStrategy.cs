using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Persistence.Catalog;

/// <summary>
/// Subscribes through the data engine, like any strategy, and hands everything it receives to a
/// <see cref="DataRecorder"/> (which only enqueues: the kernel thread never waits on the disk). It places no orders.
/// </summary>
public sealed class RecordingStrategy : Strategy
{
    private readonly DataRecorder _recorder;
    private readonly IReadOnlyList<InstrumentId> _instruments;
    private readonly RecordedData _data;
    private readonly IReadOnlyList<BarSpecification> _bars;

    /// <param name="bars">Bar specifications recorded per instrument when <see cref="RecordedData.Bars"/> is on.</param>
    public RecordingStrategy(DataRecorder recorder, IReadOnlyList<InstrumentId> instruments, RecordedData data,
        IReadOnlyList<BarSpecification>? bars = null, string id = "RECORDER-001") : base(id)
    {
        _recorder = recorder ?? throw new ArgumentNullException(nameof(recorder));
        _instruments = instruments ?? throw new ArgumentNullException(nameof(instruments));
        _data = data;
        _bars = bars ?? [];
        if (data.HasFlag(RecordedData.Bars) && _bars.Count == 0) throw new ArgumentException("bars are to be recorded but no bar specification is given", nameof(bars));
    }

    protected override void OnStart()
    {
        foreach (InstrumentId id in _instruments)
        {
            if (_data.HasFlag(RecordedData.Quotes)) SubscribeQuotes(id);
            if (_data.HasFlag(RecordedData.Trades)) SubscribeTrades(id);
            if (_data.HasFlag(RecordedData.Book)) SubscribeBookDeltas(id);
            if (_data.HasFlag(RecordedData.Depth10)) SubscribeBook(id);
            if (_data.HasFlag(RecordedData.MarkPrices)) SubscribeMarkPrices(id);
            if (_data.HasFlag(RecordedData.FundingRates)) SubscribeFundingRates(id);
            if (_data.HasFlag(RecordedData.Bars))
                foreach (BarSpecification spec in _bars) SubscribeBars(new BarType(id, spec));
        }
    }

    protected override void OnQuote(QuoteTick quote) => _recorder.Record(quote);
    protected override void OnTrade(TradeTick trade) => _recorder.Record(trade);
    protected override void OnBookDeltas(OrderBookDeltas deltas) => _recorder.Record(deltas);
    protected override void OnBook(Core.Data.OrderBook book) => _recorder.Record(OrderBookDepth10.From(book, Clock.UtcNowNs));
    protected override void OnBar(Bar bar) => _recorder.Record(bar);
    protected override void OnMarkPrice(MarkPriceUpdate markPrice) => _recorder.Record(markPrice);
    protected override void OnFundingRate(FundingRateUpdate fundingRate) => _recorder.Record(fundingRate);
}
