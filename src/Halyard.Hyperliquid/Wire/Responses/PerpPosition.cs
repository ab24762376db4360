namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>An open perp position; <see cref="Szi"/> is signed (+long, −short).</summary>
public sealed record PerpPosition
{
    public required string Coin { get; init; }
    public required decimal Szi { get; init; }
    public required PositionLeverage Leverage { get; init; }
    public decimal? EntryPx { get; init; }
    public required decimal PositionValue { get; init; }
    public required decimal UnrealizedPnl { get; init; }
    public decimal ReturnOnEquity { get; init; }
    public decimal? LiquidationPx { get; init; }
    public required decimal MarginUsed { get; init; }
    public int MaxLeverage { get; init; }
    public CumulativeFunding? CumFunding { get; init; }
}
