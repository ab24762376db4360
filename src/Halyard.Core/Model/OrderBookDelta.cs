namespace Halyard.Core.Model;

/// <summary>One change to an order book.</summary>
public readonly record struct OrderBookDelta(
    InstrumentId InstrumentId,
    BookAction Action,
    BookOrder Order,
    RecordFlags Flags,
    ulong Sequence,
    long TsEvent,
    long TsInit)
{
    /// <summary>A delta that empties the book (starts a snapshot).</summary>
    public static OrderBookDelta Clear(InstrumentId instrumentId, ulong sequence, long tsEvent, long tsInit) =>
        new(instrumentId, BookAction.Clear, default, RecordFlags.Snapshot, sequence, tsEvent, tsInit);

    public bool IsLast => (Flags & RecordFlags.Last) != 0;
    public bool IsSnapshot => (Flags & RecordFlags.Snapshot) != 0;
}
