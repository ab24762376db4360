namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Funding paid on a position: all time, since open, since the last size change.</summary>
public sealed record CumulativeFunding
{
    public required decimal AllTime { get; init; }
    public required decimal SinceOpen { get; init; }
    public required decimal SinceChange { get; init; }
}
