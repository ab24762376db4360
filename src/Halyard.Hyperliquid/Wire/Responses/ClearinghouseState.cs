namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>clearinghouseState</c> response: positions and margin of one account.</summary>
public sealed record ClearinghouseState
{
    public required IReadOnlyList<AssetPosition> AssetPositions { get; init; }
    public required MarginSummary MarginSummary { get; init; }
    public required MarginSummary CrossMarginSummary { get; init; }
    public decimal CrossMaintenanceMarginUsed { get; init; }
    public required decimal Withdrawable { get; init; }
    public required long Time { get; init; }
}
