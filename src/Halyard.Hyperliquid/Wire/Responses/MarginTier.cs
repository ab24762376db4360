namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>A margin tier: from notional <see cref="LowerBound"/> up, at most <see cref="MaxLeverage"/>.</summary>
public sealed record MarginTier
{
    public required decimal LowerBound { get; init; }
    public required int MaxLeverage { get; init; }
}
