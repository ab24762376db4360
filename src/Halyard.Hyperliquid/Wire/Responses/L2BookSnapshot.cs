using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>l2Book</c> snapshot (REST and WS): <c>levels = [bids best-first, asks best-first]</c>.</summary>
public sealed record L2BookSnapshot
{
    public required string Coin { get; init; }
    public required long Time { get; init; }
    public required IReadOnlyList<IReadOnlyList<L2Level>> Levels { get; init; }

    [JsonIgnore] public IReadOnlyList<L2Level> Bids => Levels.Count > 0 ? Levels[0] : [];
    [JsonIgnore] public IReadOnlyList<L2Level> Asks => Levels.Count > 1 ? Levels[1] : [];
}
