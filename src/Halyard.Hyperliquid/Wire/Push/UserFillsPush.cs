using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>userFills</c> data; the first frame after (re)subscribing is a snapshot that overlaps earlier fills.</summary>
public sealed record UserFillsPush
{
    public bool IsSnapshot { get; init; }
    public required string User { get; init; }
    public required IReadOnlyList<UserFill> Fills { get; init; }
}
