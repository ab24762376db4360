using Halyard.Core.Model;
using Halyard.Hyperliquid.Wire.Push;

namespace Halyard.Hyperliquid.Data;

/// <summary>
/// Turns Hyperliquid's full l2Book pushes into book deltas. The first push (and the first after
/// <see cref="Reset"/>, e.g. on reconnect) becomes a snapshot: a clear, then one add per level, all flagged
/// <see cref="RecordFlags.Snapshot"/>. Every later push is diffed against the previous one: add for a new price,
/// update for a changed size, delete for a level that is gone; an unchanged book yields nothing. Only the last
/// delta of an update carries <see cref="RecordFlags.Last"/>. Applying a push allocates nothing (two level
/// buffers are swapped).
/// </summary>
public sealed class L2BookDiffer
{
    private BookLevel[] _bids = new BookLevel[32];
    private BookLevel[] _asks = new BookLevel[32];
    private BookLevel[] _nextBids = new BookLevel[32];
    private BookLevel[] _nextAsks = new BookLevel[32];
    private int _bidCount;
    private int _askCount;
    private ulong _sequence;

    public L2BookDiffer(InstrumentId instrumentId, byte pricePrecision, byte sizePrecision)
    {
        InstrumentId = instrumentId ?? throw new ArgumentNullException(nameof(instrumentId));
        PricePrecision = pricePrecision;
        SizePrecision = sizePrecision;
    }

    public InstrumentId InstrumentId { get; }
    public byte PricePrecision { get; }
    public byte SizePrecision { get; }

    /// <summary>False until the first push, and again after <see cref="Reset"/>.</summary>
    public bool HasSnapshot { get; private set; }

    /// <summary>The book as of the last push (best first), after dropping empty levels.</summary>
    public ReadOnlySpan<BookLevel> Bids => _bids.AsSpan(0, _bidCount);
    public ReadOnlySpan<BookLevel> Asks => _asks.AsSpan(0, _askCount);

    /// <summary>Forgets the book so the next push is emitted as a snapshot (after a reconnect or a resubscription).</summary>
    public void Reset()
    {
        HasSnapshot = false;
        _bidCount = _askCount = 0;
    }

    /// <summary>
    /// Applies one push (bids best-first descending, asks best-first ascending) and appends its deltas to
    /// <paramref name="output"/>. Returns how many were appended (0 when the book did not change).
    /// </summary>
    public int Apply(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, long tsEvent, long tsInit, List<OrderBookDelta> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<BookLevel> nowBids = Normalize(bids, ref _nextBids, descending: true);
        Span<BookLevel> nowAsks = Normalize(asks, ref _nextAsks, descending: false);
        int start = output.Count;
        ulong sequence = _sequence + 1;
        if (!HasSnapshot)
        {
            output.Add(OrderBookDelta.Clear(InstrumentId, sequence, tsEvent, tsInit));
            foreach (BookLevel level in nowBids) output.Add(Delta(BookAction.Add, OrderSide.Buy, level, RecordFlags.Snapshot, sequence, tsEvent, tsInit));
            foreach (BookLevel level in nowAsks) output.Add(Delta(BookAction.Add, OrderSide.Sell, level, RecordFlags.Snapshot, sequence, tsEvent, tsInit));
            HasSnapshot = true;
        }
        else
        {
            Diff(Bids, nowBids, OrderSide.Buy, descending: true, sequence, tsEvent, tsInit, output);
            Diff(Asks, nowAsks, OrderSide.Sell, descending: false, sequence, tsEvent, tsInit, output);
        }
        (_bids, _nextBids) = (_nextBids, _bids);
        (_asks, _nextAsks) = (_nextAsks, _asks);
        _bidCount = nowBids.Length;
        _askCount = nowAsks.Length;
        int added = output.Count - start;
        if (added == 0) return 0;
        _sequence = sequence;
        OrderBookDelta last = output[^1];
        output[^1] = last with { Flags = last.Flags | RecordFlags.Last };
        return added;
    }

    private void Diff(ReadOnlySpan<BookLevel> old, ReadOnlySpan<BookLevel> now, OrderSide side, bool descending,
        ulong sequence, long tsEvent, long tsInit, List<OrderBookDelta> output)
    {
        int i = 0, j = 0;
        while (i < old.Length && j < now.Length)
        {
            long o = old[i].PriceRaw, n = now[j].PriceRaw;
            if (o == n)
            {
                if (old[i].SizeRaw != now[j].SizeRaw)
                    output.Add(Delta(BookAction.Update, side, now[j], RecordFlags.None, sequence, tsEvent, tsInit));
                i++;
                j++;
            }
            else if (descending ? o > n : o < n)
            {
                // The old level sorts before the new one, so it is no longer in the book.
                output.Add(Delta(BookAction.Delete, side, old[i] with { SizeRaw = 0 }, RecordFlags.None, sequence, tsEvent, tsInit));
                i++;
            }
            else
            {
                output.Add(Delta(BookAction.Add, side, now[j], RecordFlags.None, sequence, tsEvent, tsInit));
                j++;
            }
        }
        for (; i < old.Length; i++)
            output.Add(Delta(BookAction.Delete, side, old[i] with { SizeRaw = 0 }, RecordFlags.None, sequence, tsEvent, tsInit));
        for (; j < now.Length; j++)
            output.Add(Delta(BookAction.Add, side, now[j], RecordFlags.None, sequence, tsEvent, tsInit));
    }

    private OrderBookDelta Delta(BookAction action, OrderSide side, in BookLevel level, RecordFlags flags, ulong sequence, long tsEvent, long tsInit)
    {
        Price price = WirePrecision.ToPrice(level.PriceRaw, PricePrecision);
        Quantity size = WirePrecision.ToQuantity(level.SizeRaw, SizePrecision);
        // L2: one order per level, its id derived from the price.
        return new OrderBookDelta(InstrumentId, action, new BookOrder(side, price, size, (ulong)price.Raw), flags, sequence, tsEvent, tsInit);
    }

    /// <summary>Copies a side into <paramref name="into"/>, dropping empty levels and restoring best-first order if the venue ever sends it unsorted.</summary>
    private static Span<BookLevel> Normalize(ReadOnlySpan<BookLevel> source, ref BookLevel[] into, bool descending)
    {
        if (into.Length < source.Length) into = new BookLevel[Math.Max(source.Length, into.Length * 2)];
        Span<BookLevel> levels = into;
        int kept = 0;
        bool sorted = true;
        foreach (BookLevel level in source)
        {
            if (level.SizeRaw <= 0) continue;
            if (kept > 0)
            {
                long prev = levels[kept - 1].PriceRaw, cur = level.PriceRaw;
                if (descending ? cur >= prev : cur <= prev) sorted = false;
            }
            levels[kept++] = level;
        }
        levels = levels[..kept];
        if (sorted) return levels;
        if (descending) levels.Sort(static (a, b) => b.PriceRaw.CompareTo(a.PriceRaw));
        else levels.Sort(static (a, b) => a.PriceRaw.CompareTo(b.PriceRaw));
        // Duplicate prices: keep the last size seen for a price.
        int unique = 0;
        for (int k = 0; k < levels.Length; k++)
        {
            if (unique > 0 && levels[unique - 1].PriceRaw == levels[k].PriceRaw) levels[unique - 1] = levels[k];
            else levels[unique++] = levels[k];
        }
        return levels[..unique];
    }
}
