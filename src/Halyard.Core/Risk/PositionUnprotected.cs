using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>
/// Alert: a position has had no working stop for its whole size for longer than the configured protection
/// timeout (published on <see cref="RiskManager.UnprotectedTopic"/>). The risk manager keeps trying.
/// </summary>
/// <param name="Reason">What went wrong last, e.g. the venue's rejection message.</param>
public sealed record PositionUnprotected(
    PositionId PositionId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    decimal SignedQty,
    long UnprotectedSinceNs,
    string Reason,
    long TsEvent);
