namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>allMids</c> data: coin → mid price.</summary>
public sealed record AllMidsPush
{
    public required IReadOnlyDictionary<string, decimal> Mids { get; init; }
}
