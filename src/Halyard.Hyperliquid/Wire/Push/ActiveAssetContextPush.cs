using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>activeAssetCtx</c> data: a perp's live context.</summary>
public sealed record ActiveAssetContextPush
{
    public required string Coin { get; init; }
    public required PerpAssetContext Ctx { get; init; }
}
