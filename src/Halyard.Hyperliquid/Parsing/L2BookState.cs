using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>
/// Turns Hyperliquid's full l2Book pushes into book deltas. The first push (and the first after
/// <see cref="Reset"/>, e.g. on reconnect) becomes a snapshot: a clear, then one add per level. Every later
/// push is diffed against the previous one: add for a new price, update for a changed size, delete for a
/// level that is gone; an unchanged book yields nothing. Only the last delta of an update carries
/// <see cref="RecordFlags.Last"/>. The diff itself does not allocate.
/// </summary>
public sealed class L2BookState
{
    private WireLevel[] _bids = new WireLevel[32];
    private WireLevel[] _asks = new WireLevel[32];
    private int _bidCount;
    private int _askCount;
    private ulong _sequence;

    public L2BookState(InstrumentId instrumentId, byte pricePrecision, byte sizePrecision)
    {
        InstrumentId = instrumentId;
        PricePrecision = pricePrecision;
        SizePrecision = sizePrecision;
    }

    public InstrumentId InstrumentId { get; }
    public byte PricePrecision { get; }
    public byte SizePrecision { get; }

    /// <summary>False until the first push, and again after <see cref="Reset"/>.</summary>
    public bool HasSnapshot { get; private set; }

    public ReadOnlySpan<WireLevel> Bids => _bids.AsSpan(0, _bidCount);
    public ReadOnlySpan<WireLevel> Asks => _asks.AsSpan(0, _askCount);

    /// <summary>Forgets the book so the next push is emitted as a snapshot (after a reconnect or a gap).</summary>
    public void Reset() => HasSnapshot = false;

    /// <summary>
    /// Applies one push (bids best-first descending, asks best-first ascending) and appends its deltas to
    /// <paramref name="output"/>. Returns how many were appended.
    /// </summary>
    public int Apply(Span<WireLevel> bids, Span<WireLevel> asks, long tsEvent, long tsInit, List<OrderBookDelta> output)
    {
        Normalize(ref bids, descending: true);
        Normalize(ref asks, descending: false);
        int start = output.Count;
        ulong sequence = ++_sequence;
        if (!HasSnapshot)
        {
            output.Add(OrderBookDelta.Clear(InstrumentId, sequence, tsEvent, tsInit));
            foreach (WireLevel level in bids) output.Add(Delta(BookAction.Add, OrderSide.Buy, level, RecordFlags.Snapshot, sequence, tsEvent, tsInit));
            foreach (WireLevel level in asks) output.Add(Delta(BookAction.Add, OrderSide.Sell, level, RecordFlags.Snapshot, sequence, tsEvent, tsInit));
            HasSnapshot = true;
        }
        else
        {
            Diff(Bids, bids, OrderSide.Buy, descending: true, sequence, tsEvent, tsInit, output);
            Diff(Asks, asks, OrderSide.Sell, descending: false, sequence, tsEvent, tsInit, output);
        }
        Store(ref _bids, ref _bidCount, bids);
        Store(ref _asks, ref _askCount, asks);
        int added = output.Count - start;
        if (added == 0) { _sequence--; return 0; }
        OrderBookDelta last = output[^1];
        output[^1] = last with { Flags = last.Flags | RecordFlags.Last };
        return added;
    }

    private void Diff(ReadOnlySpan<WireLevel> old, ReadOnlySpan<WireLevel> now, OrderSide side, bool descending,
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
                i++; j++;
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

    private OrderBookDelta Delta(BookAction action, OrderSide side, WireLevel level, RecordFlags flags, ulong sequence, long tsEvent, long tsInit)
    {
        Price price = Price.FromRaw(level.PriceRaw, PricePrecision);
        Quantity size = Quantity.FromRaw(level.SizeRaw, SizePrecision);
        // L2: one order per level, its id derived from the price.
        return new OrderBookDelta(InstrumentId, action, new BookOrder(side, price, size, (ulong)level.PriceRaw), flags, sequence, tsEvent, tsInit);
    }

    /// <summary>Drops empty levels and restores best-first order if the venue ever sends it unsorted.</summary>
    private static void Normalize(ref Span<WireLevel> levels, bool descending)
    {
        int kept = 0;
        bool sorted = true;
        for (int k = 0; k < levels.Length; k++)
        {
            if (levels[k].SizeRaw <= 0) continue;
            if (kept > 0)
            {
                long prev = levels[kept - 1].PriceRaw, cur = levels[k].PriceRaw;
                if (descending ? cur >= prev : cur <= prev) sorted = false;
            }
            levels[kept++] = levels[k];
        }
        levels = levels[..kept];
        if (sorted) return;
        if (descending) levels.Sort(static (a, b) => b.PriceRaw.CompareTo(a.PriceRaw));
        else levels.Sort(static (a, b) => a.PriceRaw.CompareTo(b.PriceRaw));
        // Duplicate prices: keep the last size seen for a price.
        int unique = 0;
        for (int k = 0; k < levels.Length; k++)
        {
            if (unique > 0 && levels[unique - 1].PriceRaw == levels[k].PriceRaw) levels[unique - 1] = levels[k];
            else levels[unique++] = levels[k];
        }
        levels = levels[..unique];
    }

    private static void Store(ref WireLevel[] into, ref int count, ReadOnlySpan<WireLevel> levels)
    {
        if (into.Length < levels.Length) into = new WireLevel[Math.Max(levels.Length, into.Length * 2)];
        levels.CopyTo(into);
        count = levels.Length;
    }
}
