using System.Text;
using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>
/// An L2 (market-by-price) order book kept from <see cref="OrderBookDelta"/>s: levels sorted per side,
/// best bid/ask, top N, spread and mid. Applying a delta allocates nothing once the sides have grown.
/// Add and Update set a level's size (size 0 removes it), Delete removes it, Clear empties the book.
/// The first delta flagged Snapshot (usually a Clear) empties the book; the snapshot runs until a delta
/// flagged Last, a delta without the Snapshot flag, or the end of an <see cref="OrderBookDeltas"/> batch.
/// </summary>
public sealed class OrderBook
{
    private readonly BookSide _bids = new(isBid: true);
    private readonly BookSide _asks = new(isBid: false);
    private bool _inSnapshot;

    public OrderBook(InstrumentId instrumentId, byte pricePrecision = 0, byte sizePrecision = 0)
    {
        InstrumentId = instrumentId ?? throw new ArgumentNullException(nameof(instrumentId));
        PricePrecision = pricePrecision;
        SizePrecision = sizePrecision;
    }

    public InstrumentId InstrumentId { get; }
    public byte PricePrecision { get; private set; }
    public byte SizePrecision { get; private set; }
    /// <summary>Sequence number of the last delta applied.</summary>
    public ulong Sequence { get; private set; }
    /// <summary>Venue time of the last delta applied.</summary>
    public long TsLast { get; private set; }
    /// <summary>Deltas applied since creation.</summary>
    public long UpdateCount { get; private set; }

    public int BidLevelCount => _bids.Count;
    public int AskLevelCount => _asks.Count;

    public void Apply(in OrderBookDelta delta)
    {
        if (delta.InstrumentId != InstrumentId)
            throw new ArgumentException($"delta for {delta.InstrumentId} applied to the book of {InstrumentId}", nameof(delta));
        // The first delta of a snapshot replaces the book, whether or not the producer sent a Clear first.
        if (delta.IsSnapshot && !_inSnapshot)
        {
            Clear();
            _inSnapshot = true;
        }
        else if (!delta.IsSnapshot)
        {
            _inSnapshot = false;
        }
        switch (delta.Action)
        {
            case BookAction.Clear:
                _bids.Clear();
                _asks.Clear();
                break;
            case BookAction.Add or BookAction.Update:
                LearnPrecision(delta.Order);
                if (delta.Order.Size.IsZero) SideOf(delta.Order.Side).Remove(delta.Order.Price.Raw);
                else SideOf(delta.Order.Side).Set(delta.Order.Price.Raw, delta.Order.Size.Raw);
                break;
            case BookAction.Delete:
                SideOf(delta.Order.Side).Remove(delta.Order.Price.Raw);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(delta), delta.Action, "unknown book action");
        }
        if (delta.IsLast) _inSnapshot = false;
        Sequence = delta.Sequence;
        TsLast = delta.TsEvent;
        UpdateCount++;
    }

    /// <summary>Applies a venue update's deltas in order.</summary>
    public void Apply(OrderBookDeltas deltas)
    {
        IReadOnlyList<OrderBookDelta> list = deltas.Deltas;
        if (list is List<OrderBookDelta> concrete)
            foreach (ref readonly OrderBookDelta d in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(concrete)) Apply(in d);
        else if (list is OrderBookDelta[] array)
            foreach (ref readonly OrderBookDelta d in array.AsSpan()) Apply(in d);
        else
            for (int i = 0; i < list.Count; i++) Apply(list[i]);
        _inSnapshot = false; // one venue update is complete: the next snapshot starts afresh
    }

    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
    }

    private BookSide SideOf(OrderSide side) => side switch
    {
        OrderSide.Buy => _bids,
        OrderSide.Sell => _asks,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "a book level must be on the Buy or Sell side"),
    };

    private void LearnPrecision(in BookOrder order)
    {
        if (order.Price.Precision > PricePrecision) PricePrecision = order.Price.Precision;
        if (order.Size.Precision > SizePrecision) SizePrecision = order.Size.Precision;
    }

    public bool HasBid => _bids.Count > 0;
    public bool HasAsk => _asks.Count > 0;

    public Price? BestBidPrice => _bids.Count > 0 ? Bid(0).Price : null;
    public Price? BestAskPrice => _asks.Count > 0 ? Ask(0).Price : null;
    public Quantity? BestBidSize => _bids.Count > 0 ? Bid(0).Size : null;
    public Quantity? BestAskSize => _asks.Count > 0 ? Ask(0).Size : null;

    /// <summary>The bid level <paramref name="depth"/> steps below the best (0 = best).</summary>
    public BookLevel Bid(int depth) => LevelOf(_bids, depth);

    /// <summary>The ask level <paramref name="depth"/> steps above the best (0 = best).</summary>
    public BookLevel Ask(int depth) => LevelOf(_asks, depth);

    private BookLevel LevelOf(BookSide side, int depth)
    {
        side.Level(depth, out long price, out long size);
        return new BookLevel(Price.FromRaw(price, PricePrecision), Quantity.FromRaw(size, SizePrecision));
    }

    /// <summary>Size resting at exactly <paramref name="price"/> on <paramref name="side"/> (zero when no level).</summary>
    public Quantity SizeAt(OrderSide side, Price price) => Quantity.FromRaw(SideOf(side).SizeAt(price.Raw), SizePrecision);

    /// <summary>Copies the best bids, best first, into <paramref name="into"/>; returns how many were written.</summary>
    public int CopyBids(Span<BookLevel> into) => CopyTop(_bids, into);

    /// <summary>Copies the best asks, best first, into <paramref name="into"/>; returns how many were written.</summary>
    public int CopyAsks(Span<BookLevel> into) => CopyTop(_asks, into);

    private int CopyTop(BookSide side, Span<BookLevel> into)
    {
        int n = Math.Min(into.Length, side.Count);
        for (int i = 0; i < n; i++) into[i] = LevelOf(side, i);
        return n;
    }

    /// <summary>Best ask minus best bid, or null when a side is empty.</summary>
    public Price? Spread => _bids.Count > 0 && _asks.Count > 0 ? Ask(0).Price - Bid(0).Price : null;

    /// <summary>
    /// Midpoint of the best bid and ask, or null when a side is empty. Carries one more decimal than the
    /// book's prices so an odd spread stays exact.
    /// </summary>
    public Price? Midpoint
    {
        get
        {
            if (_bids.Count == 0 || _asks.Count == 0) return null;
            _bids.Level(0, out long bid, out _);
            _asks.Level(0, out long ask, out _);
            return Price.FromRaw((bid + ask) / 2, (byte)Math.Min(PricePrecision + 1, FixedPoint.Scale));
        }
    }

    /// <summary>True when the best bid is at or above the best ask (a feed out of sync).</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && Bid(0).Price >= Ask(0).Price;

    /// <summary>The top <paramref name="depth"/> levels of both sides as text, asks above bids.</summary>
    public string Pprint(int depth = 5)
    {
        var sb = new StringBuilder();
        sb.Append(InstrumentId).Append(" seq=").Append(Sequence).AppendLine();
        for (int i = Math.Min(depth, _asks.Count) - 1; i >= 0; i--) sb.Append("  ask ").Append(Ask(i)).AppendLine();
        for (int i = 0; i < Math.Min(depth, _bids.Count); i++) sb.Append("  bid ").Append(Bid(i)).AppendLine();
        return sb.ToString();
    }

    public override string ToString() =>
        $"OrderBook({InstrumentId}, bids={_bids.Count}, asks={_asks.Count}, bid={BestBidPrice?.ToString() ?? "-"}, ask={BestAskPrice?.ToString() ?? "-"})";
}
