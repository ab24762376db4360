namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>An order the venue cancelled on its own (not at the user's request).</summary>
public sealed record NonUserCancel
{
    public required string Coin { get; init; }
    public required long Oid { get; init; }
}
