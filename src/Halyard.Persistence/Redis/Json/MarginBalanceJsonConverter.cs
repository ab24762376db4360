using System.Text.Json;
using System.Text.Json.Serialization;
using Halyard.Core.Model;

namespace Halyard.Persistence.Redis.Json;

/// <summary>A margin as its two amounts and instrument; read back through its validating constructor.</summary>
internal sealed class MarginBalanceJsonConverter : JsonConverter<MarginBalance>
{
    public override MarginBalance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Shape shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("a margin must not be null");
        try
        {
            return new MarginBalance(shape.Initial, shape.Maintenance, shape.InstrumentId);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"invalid margin: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, MarginBalance value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.Initial, value.Maintenance, value.InstrumentId), options);

    private sealed record Shape(Money Initial, Money Maintenance, InstrumentId InstrumentId);
}
