namespace Halyard.Core.Matching;

/// <summary>
/// An account's margin state at the current marks, shaped like an exchange clearinghouse state
/// (cross margin): <see cref="TotalRawUsd"/> = account value − Σ signed position value.
/// </summary>
public sealed record MarginAccountSnapshot(
    string Account,
    decimal AccountValue,
    decimal TotalNtlPos,
    decimal TotalRawUsd,
    decimal TotalMarginUsed,
    decimal MaintenanceMarginUsed,
    decimal Withdrawable,
    IReadOnlyList<MarginPositionSnapshot> Positions);
