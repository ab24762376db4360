namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Present on a fill that was part of a liquidation.</summary>
public sealed record FillLiquidation
{
    public string? LiquidatedUser { get; init; }
    public decimal MarkPx { get; init; }
    public string? Method { get; init; }
}
