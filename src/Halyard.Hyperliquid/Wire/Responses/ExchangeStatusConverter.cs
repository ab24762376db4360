using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Reads the string-or-object union of exchange statuses; unknown shapes become <see cref="ExchangeStatusKind.Unknown"/>.</summary>
internal sealed class ExchangeStatusConverter : JsonConverter<ExchangeStatus>
{
    public override ExchangeStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            string text = reader.GetString()!;
            var kind = text switch
            {
                "success" => ExchangeStatusKind.Success,
                "waitingForFill" => ExchangeStatusKind.WaitingForFill,
                "waitingForTrigger" => ExchangeStatusKind.WaitingForTrigger,
                _ => ExchangeStatusKind.Unknown,
            };
            return new ExchangeStatus { Kind = kind, RawText = text };
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"a status must be a string or an object, not {reader.TokenType}");

        ExchangeStatus? result = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "error":
                    result = ExchangeStatus.Failed(reader.TokenType == JsonTokenType.String ? reader.GetString()! : ReadRaw(ref reader));
                    break;
                case "resting":
                {
                    var body = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.RestingBody)
                        ?? throw new JsonException("resting is null");
                    result = ExchangeStatus.Resting(body.Oid, body.Cloid);
                    break;
                }
                case "filled":
                {
                    var body = JsonSerializer.Deserialize(ref reader, HyperliquidJsonContext.Default.FilledBody)
                        ?? throw new JsonException("filled is null");
                    result = ExchangeStatus.Filled(body.TotalSz, body.AvgPx, body.Oid, body.Cloid);
                    break;
                }
                default:
                    result ??= new ExchangeStatus { Kind = ExchangeStatusKind.Unknown, RawText = key };
                    reader.Skip();
                    break;
            }
        }
        return result ?? new ExchangeStatus { Kind = ExchangeStatusKind.Unknown, RawText = "{}" };
    }

    private static string ReadRaw(ref Utf8JsonReader reader)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, ExchangeStatus value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case ExchangeStatusKind.Resting:
                writer.WriteStartObject();
                writer.WriteStartObject("resting");
                writer.WriteNumber("oid", value.Oid ?? 0);
                if (value.Cloid is not null) writer.WriteString("cloid", value.Cloid);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case ExchangeStatusKind.Filled:
                writer.WriteStartObject();
                writer.WriteStartObject("filled");
                writer.WriteString("totalSz", (value.TotalSz ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("avgPx", (value.AvgPx ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteNumber("oid", value.Oid ?? 0);
                if (value.Cloid is not null) writer.WriteString("cloid", value.Cloid);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case ExchangeStatusKind.Error:
                writer.WriteStartObject();
                writer.WriteString("error", value.Error);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.RawText ?? value.Kind.ToString());
                break;
        }
    }
}
