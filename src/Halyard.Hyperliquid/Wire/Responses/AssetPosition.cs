namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>An entry of <c>assetPositions</c>: <c>{"type":"oneWay","position":{…}}</c>.</summary>
public sealed record AssetPosition
{
    public string Type { get; init; } = "oneWay";
    public required PerpPosition Position { get; init; }
}
