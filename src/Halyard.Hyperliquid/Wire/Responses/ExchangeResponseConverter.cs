using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Reads the ok/err envelope whose <c>response</c> is an object or a string.</summary>
internal sealed class ExchangeResponseConverter : JsonConverter<ExchangeResponse>
{
    public override ExchangeResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("an exchange response must be an object");
        string? status = null, error = null, type = null;
        IReadOnlyList<ExchangeStatus> statuses = [];
        bool sawResponse = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "status":
                    status = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("status must be a string");
                    break;
                case "response":
                    sawResponse = true;
                    if (reader.TokenType == JsonTokenType.String) error = reader.GetString();
                    else if (reader.TokenType == JsonTokenType.StartObject) ReadBody(ref reader, out type, out statuses);
                    else if (reader.TokenType == JsonTokenType.Null) { }
                    else throw new JsonException($"response must be an object or a string, not {reader.TokenType}");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (status is null) throw new JsonException("missing required property 'status'");
        bool ok = status == "ok";
        if (ok && !sawResponse) throw new JsonException("missing required property 'response'");
        if (!ok) error ??= $"status '{status}' without a message";
        return new ExchangeResponse { IsOk = ok, Error = ok ? null : error, ResponseType = type, Statuses = statuses };
    }

    private static void ReadBody(ref Utf8JsonReader reader, out string? type, out IReadOnlyList<ExchangeStatus> statuses)
    {
        type = null;
        statuses = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (key == "type") type = reader.GetString();
            else if (key == "data" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string dataKey = reader.GetString()!;
                    reader.Read();
                    if (dataKey == "statuses")
                        statuses = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.IReadOnlyListExchangeStatus)
                            ?? throw new JsonException("statuses is null");
                    else reader.Skip();
                }
            }
            else reader.Skip();
        }
    }

    public override void Write(Utf8JsonWriter writer, ExchangeResponse value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (!value.IsOk)
        {
            writer.WriteString("status", "err");
            writer.WriteString("response", value.Error);
        }
        else
        {
            writer.WriteString("status", "ok");
            writer.WriteStartObject("response");
            writer.WriteString("type", value.ResponseType ?? "default");
            if (value.ResponseType is not (null or "default"))
            {
                writer.WriteStartObject("data");
                writer.WritePropertyName("statuses");
                JsonSerializer.Serialize(writer, value.Statuses, HyperliquidJsonContext.Default.IReadOnlyListExchangeStatus);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
