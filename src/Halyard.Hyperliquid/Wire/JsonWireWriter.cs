using System.Text.Json;

namespace Halyard.Hyperliquid.Wire;

/// <summary>Writes an action's fields as JSON, in exactly the order they are hashed.</summary>
public sealed class JsonWireWriter(Utf8JsonWriter json) : IWireWriter
{
    public Utf8JsonWriter Json { get; } = json;

    public void WriteMapStart(int count) => Json.WriteStartObject();
    public void WriteMapEnd() => Json.WriteEndObject();
    public void WriteArrayStart(int count) => Json.WriteStartArray();
    public void WriteArrayEnd() => Json.WriteEndArray();
    public void WriteKey(ReadOnlySpan<byte> utf8Name) => Json.WritePropertyName(utf8Name);
    public void WriteString(string value) => Json.WriteStringValue(value);
    public void WriteString(ReadOnlySpan<byte> utf8Value) => Json.WriteStringValue(utf8Value);
    public void WriteBool(bool value) => Json.WriteBooleanValue(value);
    public void WriteInt64(long value) => Json.WriteNumberValue(value);
    public void WriteUInt64(ulong value) => Json.WriteNumberValue(value);
    public void WriteNull() => Json.WriteNullValue();
}
