using System.Text.Json;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// msgpack of an action received (or typed) as JSON, keeping the key order of the document: what the venue
/// hashes when it verifies a request. Integers get the smallest encoding; a non-integer number is refused,
/// because prices and sizes travel as strings and a float in an action is always a bug.
/// </summary>
public static class JsonMsgPackEncoder
{
    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(JsonElement value)
    {
        var writer = new MsgPackWriter();
        Write(value, writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the msgpack of <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public static void Write(JsonElement value, MsgPackWriter writer)
    {
        WriteValue(value, writer, "action");
        writer.EnsureComplete();
    }

    private static void WriteValue(JsonElement value, MsgPackWriter writer, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                int count = 0;
                foreach (var _ in value.EnumerateObject()) count++;
                writer.WriteMapStart(count);
                foreach (var property in value.EnumerateObject())
                {
                    writer.WriteString(property.Name);
                    WriteValue(property.Value, writer, path + "." + property.Name);
                }
                writer.WriteMapEnd();
                break;
            case JsonValueKind.Array:
                writer.WriteArrayStart(value.GetArrayLength());
                int index = 0;
                foreach (var item in value.EnumerateArray())
                    WriteValue(item, writer, $"{path}[{index++}]");
                writer.WriteArrayEnd();
                break;
            case JsonValueKind.String:
                writer.WriteString(value.GetString()!);
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out long signed)) writer.WriteInt64(signed);
                else if (value.TryGetUInt64(out ulong unsigned)) writer.WriteUInt64(unsigned);
                else throw new FormatException(
                    $"{path} is the number {value.GetRawText()}; actions carry only integers (prices and sizes are strings)");
                break;
            case JsonValueKind.True:
                writer.WriteBool(true);
                break;
            case JsonValueKind.False:
                writer.WriteBool(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNull();
                break;
            default:
                throw new FormatException($"{path} has unsupported JSON kind {value.ValueKind}");
        }
    }
}
