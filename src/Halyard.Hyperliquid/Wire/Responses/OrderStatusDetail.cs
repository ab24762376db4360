namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The order and its status string as returned by <c>orderStatus</c>.</summary>
public sealed record OrderStatusDetail
{
    public required FrontendOpenOrder Order { get; init; }
    /// <summary>"open", "filled", "canceled", "triggered", "rejected", … (unknown strings are kept as-is).</summary>
    public required string Status { get; init; }
    public required long StatusTimestamp { get; init; }
}
