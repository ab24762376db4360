namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The object half of a <c>[id, {...}]</c> margin table pair.</summary>
public sealed record MarginTableBody
{
    public string Description { get; init; } = "";
    public required IReadOnlyList<MarginTier> MarginTiers { get; init; }
}
