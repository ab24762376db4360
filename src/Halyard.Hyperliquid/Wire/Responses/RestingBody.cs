namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Body of a <c>resting</c> status.</summary>
public sealed record RestingBody
{
    public required long Oid { get; init; }
    public string? Cloid { get; init; }
}
