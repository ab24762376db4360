using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Reads the <c>[meta, ctxs]</c> pair.</summary>
internal sealed class MetaAndAssetContextsConverter : JsonConverter<MetaAndAssetContexts>
{
    public override MetaAndAssetContexts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("metaAndAssetCtxs must be a [meta, ctxs] array");
        reader.Read();
        var meta = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.PerpMeta)
            ?? throw new JsonException("metaAndAssetCtxs[0] (meta) is null");
        reader.Read();
        var contexts = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.IReadOnlyListPerpAssetContext)
            ?? throw new JsonException("metaAndAssetCtxs[1] (asset contexts) is null");
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("metaAndAssetCtxs must have exactly two elements");
        if (contexts.Count != meta.Universe.Count)
            throw new JsonException($"metaAndAssetCtxs has {meta.Universe.Count} assets but {contexts.Count} contexts");
        return new MetaAndAssetContexts(meta, contexts);
    }

    public override void Write(Utf8JsonWriter writer, MetaAndAssetContexts value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, value.Meta, HyperliquidJsonContext.Default.PerpMeta);
        JsonSerializer.Serialize(writer, value.Contexts, HyperliquidJsonContext.Default.IReadOnlyListPerpAssetContext);
        writer.WriteEndArray();
    }
}
