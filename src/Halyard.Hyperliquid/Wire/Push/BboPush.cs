using System.Text.Json.Serialization;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>bbo</c> data: <c>[bid or null, ask or null]</c>, sent only when the best bid/offer changed.</summary>
public sealed record BboPush
{
    public required string Coin { get; init; }
    public required long Time { get; init; }
    public required IReadOnlyList<L2Level?> Bbo { get; init; }

    [JsonIgnore] public L2Level? Bid => Bbo.Count > 0 ? Bbo[0] : null;
    [JsonIgnore] public L2Level? Ask => Bbo.Count > 1 ? Bbo[1] : null;
}
