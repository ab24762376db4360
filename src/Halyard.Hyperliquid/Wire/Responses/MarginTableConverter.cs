using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Reads the <c>[id, {...}]</c> pair form of a margin table.</summary>
internal sealed class MarginTableConverter : JsonConverter<MarginTable>
{
    public override MarginTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("marginTables entry must be a [id, table] array");
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException("marginTables entry id must be a number");
        int id = reader.GetInt32();
        reader.Read();
        var body = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.MarginTableBody)
            ?? throw new JsonException("marginTables entry body is null");
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("marginTables entry must have exactly two elements");
        return new MarginTable(id, body.Description, body.MarginTiers);
    }

    public override void Write(Utf8JsonWriter writer, MarginTable value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Id);
        JsonSerializer.Serialize(writer, new MarginTableBody { Description = value.Description, MarginTiers = value.MarginTiers },
            HyperliquidJsonContext.Default.MarginTableBody);
        writer.WriteEndArray();
    }
}
