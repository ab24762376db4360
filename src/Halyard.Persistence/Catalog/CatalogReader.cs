using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Persistence.Catalog;

/// <summary>
/// Merges the catalog's sorted streams (one per kind and key) in <c>ts_init</c> order with a k-way
/// merge; ties go to the stream listed first (query kind order, then key). Only one row group per
/// stream is in memory.
/// </summary>
public sealed class CatalogReader : IMarketDataReader
{
    private readonly StreamCursor[] _streams;
    private readonly PriorityQueue<StreamCursor, (long TsInit, int Order)> _queue;
    private readonly List<CatalogFileProblem> _problems;
    private StreamCursor? _current;
    private bool _started;

    internal CatalogReader(StreamCursor[] streams, List<CatalogFileProblem> problems)
    {
        _streams = streams;
        _problems = problems;
        _queue = new PriorityQueue<StreamCursor, (long, int)>(Math.Max(1, streams.Length));
    }

    /// <summary>Files skipped (by <see cref="BadFilePolicy.Skip"/>) so far, with their paths and reasons.</summary>
    public IReadOnlyList<CatalogFileProblem> Problems => _problems;

    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            foreach (StreamCursor stream in _streams)
            {
                if (stream.MoveNext()) _queue.Enqueue(stream, (stream.TsInit, stream.Order));
            }
        }
        else if (_current is not null)
        {
            if (_current.MoveNext())
            {
                // Stay on the same stream while it is still first: no queue work on long runs.
                if (_queue.Count == 0 || !_queue.TryPeek(out _, out var head) || IsBefore(_current, head)) return true;
                _queue.Enqueue(_current, (_current.TsInit, _current.Order));
            }
        }
        if (_queue.TryDequeue(out _current, out _)) return true;
        _current = null;
        return false;
    }

    private static bool IsBefore(StreamCursor stream, (long TsInit, int Order) head) =>
        stream.TsInit < head.TsInit || (stream.TsInit == head.TsInit && stream.Order < head.Order);

    public MarketDataKind Kind => Current.Kind;
    public long TsInit => Current.TsInit;

    public QuoteTick Quote => As<QuoteTick>().Current;
    public TradeTick Trade => As<TradeTick>().Current;
    public OrderBookDelta Delta => As<OrderBookDelta>().Current;
    public Bar Bar => As<Bar>().Current;
    public MarkPriceUpdate MarkPrice => As<MarkPriceUpdate>().Current;
    public FundingRateUpdate FundingRate => As<FundingRateUpdate>().Current;
    public OrderBookDepth10 Depth10 => As<OrderBookDepth10>().Current;

    private StreamCursor Current => _current ?? throw new InvalidOperationException("no current item: call MoveNext first (or the reader is at its end)");

    private StreamCursor<T> As<T>() => Current as StreamCursor<T>
        ?? throw new InvalidOperationException($"the current item is a {Current.Kind}, not a {typeof(T).Name}");

    public void Dispose()
    {
        foreach (StreamCursor stream in _streams) stream.Dispose();
        _queue.Clear();
        _current = null;
    }
}
