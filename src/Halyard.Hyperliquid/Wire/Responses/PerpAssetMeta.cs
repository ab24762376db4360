namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>One entry of <c>meta.universe</c>; its index in the list is the perp asset id.</summary>
public sealed record PerpAssetMeta
{
    public required string Name { get; init; }
    public required int SzDecimals { get; init; }
    public required int MaxLeverage { get; init; }
    public int? MarginTableId { get; init; }
    public bool OnlyIsolated { get; init; }
    public bool IsDelisted { get; init; }
    public string? MarginMode { get; init; }
}
