namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Leverage of a position: <c>{"type":"cross"|"isolated","value":n[,"rawUsd"]}</c>.</summary>
public sealed record PositionLeverage
{
    public required string Type { get; init; }
    public required int Value { get; init; }
    public decimal? RawUsd { get; init; }

    public bool IsCross => Type == "cross";
}
