namespace Halyard.Core.Model;

/// <summary>Best bid and ask with their sizes. Times are nanoseconds since the Unix epoch.</summary>
public readonly record struct QuoteTick(
    InstrumentId InstrumentId,
    Price BidPrice,
    Price AskPrice,
    Quantity BidSize,
    Quantity AskSize,
    long TsEvent,
    long TsInit);
