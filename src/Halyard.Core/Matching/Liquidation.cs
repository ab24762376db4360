namespace Halyard.Core.Matching;

/// <summary>
/// An account fell below its maintenance margin and had its positions closed at the mark.
/// Values are those just before the liquidation.
/// </summary>
public readonly record struct Liquidation(
    string Account,
    decimal LiquidatedNtlPos,
    decimal AccountValue,
    decimal MaintenanceMargin,
    long TsNs);
