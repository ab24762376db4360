using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Persistence.Redis.Json;

/// <summary>Decimals as exact strings ("0.000123"), so no reader turns money into a double.</summary>
internal sealed class DecimalStringJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"a decimal must be a string, not {reader.TokenType}");
        string text = reader.GetString()!;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw new JsonException($"invalid decimal '{text}'");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
