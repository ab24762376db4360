namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>A public trade; <see cref="Side"/> is the aggressor's ("B" buy, "A" sell); users = [buyer, seller].</summary>
public sealed record WsTrade
{
    public required string Coin { get; init; }
    public required string Side { get; init; }
    public required decimal Px { get; init; }
    public required decimal Sz { get; init; }
    public required long Time { get; init; }
    public string? Hash { get; init; }
    public required long Tid { get; init; }
    public IReadOnlyList<string> Users { get; init; } = [];
}
