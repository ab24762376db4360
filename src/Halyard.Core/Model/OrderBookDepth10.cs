using Halyard.Core.Data;

namespace Halyard.Core.Model;

/// <summary>
/// The top ten levels per side of an L2 book at one instant (NautilusTrader's <c>OrderBookDepth10</c>): best first,
/// empty slots with price and size zero. Counts are orders per level; an L2 level counts one.
/// </summary>
public sealed class OrderBookDepth10 : IEquatable<OrderBookDepth10>
{
    public const int Levels = 10;

    public OrderBookDepth10(InstrumentId instrumentId, BookOrder[] bids, BookOrder[] asks, uint[] bidCounts, uint[] askCounts,
        RecordFlags flags, ulong sequence, long tsEvent, long tsInit)
    {
        InstrumentId = instrumentId ?? throw new ArgumentNullException(nameof(instrumentId));
        Bids = Exactly(bids, nameof(bids));
        Asks = Exactly(asks, nameof(asks));
        BidCounts = Exactly(bidCounts, nameof(bidCounts));
        AskCounts = Exactly(askCounts, nameof(askCounts));
        Flags = flags;
        Sequence = sequence;
        TsEvent = tsEvent;
        TsInit = tsInit;
    }

    public InstrumentId InstrumentId { get; }
    public IReadOnlyList<BookOrder> Bids { get; }
    public IReadOnlyList<BookOrder> Asks { get; }
    public IReadOnlyList<uint> BidCounts { get; }
    public IReadOnlyList<uint> AskCounts { get; }
    public RecordFlags Flags { get; }
    public ulong Sequence { get; }
    public long TsEvent { get; }
    public long TsInit { get; }

    /// <summary>The book's top ten levels now (a copy), flagged F_LAST: the book is consistent at this point.</summary>
    public static OrderBookDepth10 From(OrderBook book, long tsInit)
    {
        ArgumentNullException.ThrowIfNull(book);
        Span<BookLevel> levels = stackalloc BookLevel[Levels];
        var bids = new BookOrder[Levels];
        var asks = new BookOrder[Levels];
        var bidCounts = new uint[Levels];
        var askCounts = new uint[Levels];
        Fill(levels[..book.CopyBids(levels)], OrderSide.Buy, book, bids, bidCounts);
        Fill(levels[..book.CopyAsks(levels)], OrderSide.Sell, book, asks, askCounts);
        return new OrderBookDepth10(book.InstrumentId, bids, asks, bidCounts, askCounts, RecordFlags.Last, book.Sequence, book.TsLast, tsInit);
    }

    private static void Fill(ReadOnlySpan<BookLevel> levels, OrderSide side, OrderBook book, BookOrder[] into, uint[] counts)
    {
        for (int i = 0; i < Levels; i++)
        {
            if (i < levels.Length)
            {
                into[i] = new BookOrder(side, levels[i].Price, levels[i].Size, 0);
                counts[i] = 1;
            }
            else
            {
                into[i] = new BookOrder(side, Price.FromRaw(0, book.PricePrecision), Quantity.FromRaw(0, book.SizePrecision), 0);
            }
        }
    }

    private static T[] Exactly<T>(T[] values, string name) =>
        values is { Length: Levels } ? values : throw new ArgumentException($"must hold exactly {Levels} entries", name);

    public bool Equals(OrderBookDepth10? other) =>
        other is not null && InstrumentId.Equals(other.InstrumentId) && Flags == other.Flags && Sequence == other.Sequence
        && TsEvent == other.TsEvent && TsInit == other.TsInit && Bids.SequenceEqual(other.Bids) && Asks.SequenceEqual(other.Asks)
        && BidCounts.SequenceEqual(other.BidCounts) && AskCounts.SequenceEqual(other.AskCounts);

    public override bool Equals(object? obj) => Equals(obj as OrderBookDepth10);

    public override int GetHashCode() => HashCode.Combine(InstrumentId, Sequence, TsEvent, TsInit, Bids[0], Asks[0]);

    public override string ToString() => $"OrderBookDepth10({InstrumentId}, {Bids[0].Size}@{Bids[0].Price} / {Asks[0].Size}@{Asks[0].Price}, ts_init={TsInit})";
}
