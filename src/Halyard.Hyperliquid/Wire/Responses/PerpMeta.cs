namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>meta</c> info response: perpetual universe (index = asset id) and margin tables.</summary>
public sealed record PerpMeta
{
    public required IReadOnlyList<PerpAssetMeta> Universe { get; init; }
    public IReadOnlyList<MarginTable> MarginTables { get; init; } = [];
    public int? CollateralToken { get; init; }
}
