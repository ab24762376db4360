namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>A book level: price, total size and number of orders at it.</summary>
public sealed record L2Level
{
    public required decimal Px { get; init; }
    public required decimal Sz { get; init; }
    public required int N { get; init; }
}
