using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>The venue's account-wide position in one instrument, for reconciliation.</summary>
/// <param name="SignedQty">Positive long, negative short, zero flat.</param>
/// <param name="AvgPxOpen">Entry price the venue reports; null when flat or unknown.</param>
public sealed record PositionStatusReport(
    AccountId AccountId,
    InstrumentId InstrumentId,
    decimal SignedQty,
    decimal? AvgPxOpen,
    long TsLast,
    long TsInit)
{
    public PositionSide Side => SignedQty > 0 ? PositionSide.Long : SignedQty < 0 ? PositionSide.Short : PositionSide.Flat;
}
