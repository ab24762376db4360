using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>metaAndAssetCtxs</c> response: a two-element array <c>[meta, ctxs]</c>; ctxs[i] belongs to universe[i].</summary>
[JsonConverter(typeof(MetaAndAssetContextsConverter))]
public sealed record MetaAndAssetContexts(PerpMeta Meta, IReadOnlyList<PerpAssetContext> Contexts);
