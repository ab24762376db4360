using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Backtest;

/// <summary>An in-memory source for small hand-written scenarios (the Parquet catalog is tested end to end elsewhere).</summary>
internal sealed class ListMarketDataSource(IEnumerable<object> items) : IMarketDataSource
{
    private readonly List<object> _items = [.. items];

    public MarketDataQuery? LastQuery { get; private set; }

    public IMarketDataReader Open(MarketDataQuery query)
    {
        LastQuery = query;
        var selected = _items
            .Select((item, index) => (item, index, ts: TsOf(item)))
            .Where(x => x.ts >= query.StartNs && x.ts <= query.EndNs && query.Kinds.Contains(KindOf(x.item)))
            .OrderBy(x => x.ts).ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
        return new Reader(selected);
    }

    private static long TsOf(object item) => item switch
    {
        QuoteTick q => q.TsInit,
        TradeTick t => t.TsInit,
        OrderBookDelta d => d.TsInit,
        Bar b => b.TsInit,
        MarkPriceUpdate m => m.TsInit,
        FundingRateUpdate f => f.TsInit,
        _ => throw new ArgumentException(item.GetType().Name),
    };

    private static MarketDataKind KindOf(object item) => item switch
    {
        QuoteTick => MarketDataKind.QuoteTick,
        TradeTick => MarketDataKind.TradeTick,
        OrderBookDelta => MarketDataKind.OrderBookDelta,
        Bar => MarketDataKind.Bar,
        MarkPriceUpdate => MarketDataKind.MarkPriceUpdate,
        _ => MarketDataKind.FundingRateUpdate,
    };

    private sealed class Reader(List<object> items) : IMarketDataReader
    {
        private int _index = -1;
        private object Current => items[_index];
        public bool MoveNext() => ++_index < items.Count;
        public MarketDataKind Kind => KindOf(Current);
        public long TsInit => TsOf(Current);
        public QuoteTick Quote => (QuoteTick)Current;
        public TradeTick Trade => (TradeTick)Current;
        public OrderBookDelta Delta => (OrderBookDelta)Current;
        public Bar Bar => (Bar)Current;
        public MarkPriceUpdate MarkPrice => (MarkPriceUpdate)Current;
        public FundingRateUpdate FundingRate => (FundingRateUpdate)Current;
        public void Dispose() { }
    }
}
