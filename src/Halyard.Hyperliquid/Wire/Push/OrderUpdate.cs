using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>One element of an <c>orderUpdates</c> push: the order and its new status.</summary>
public sealed record OrderUpdate
{
    public required OpenOrder Order { get; init; }
    /// <summary>"open", "filled", "canceled", … (unknown strings are kept as-is).</summary>
    public required string Status { get; init; }
    public required long StatusTimestamp { get; init; }
}
