using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>How a position is protected right now (for tests, the CLI and monitoring).</summary>
/// <param name="IsProtected">A stop for the whole position is working at the venue (always true when no stop is configured).</param>
public sealed record PositionProtection(
    PositionId PositionId,
    Order? StopLoss,
    Order? TakeProfit,
    bool IsProtected,
    long? UnprotectedSinceNs,
    string LastProblem);
