using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Persistence.Redis.Json;

/// <summary>Writes a value that is a validated string (an identifier, an instrument id, a price) as a JSON string; a value its constructor refuses becomes a <see cref="JsonException"/> naming it.</summary>
internal sealed class StringValueJsonConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"{typeof(T).Name} must be a string, not {reader.TokenType}");
        string text = reader.GetString()!;
        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw new JsonException($"invalid {typeof(T).Name} '{text}': {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
}
