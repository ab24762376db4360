using System.Buffers;
using System.Text.Json;
using Halyard.Core.Model;
using Halyard.Persistence.Redis.Json;

namespace Halyard.Persistence.Redis;

/// <summary>One order event as a JSON envelope: <c>{"seq":12,"type":"Filled","event":{…}}</c>; the type is the event's <see cref="OrderEventKind"/>.</summary>
internal static class OrderEventCodec
{
    private static readonly Dictionary<OrderEventKind, Type> Types = new()
    {
        [OrderEventKind.Initialized] = typeof(OrderInitialized),
        [OrderEventKind.Denied] = typeof(OrderDenied),
        [OrderEventKind.Submitted] = typeof(OrderSubmitted),
        [OrderEventKind.Accepted] = typeof(OrderAccepted),
        [OrderEventKind.Rejected] = typeof(OrderRejected),
        [OrderEventKind.Canceled] = typeof(OrderCanceled),
        [OrderEventKind.Expired] = typeof(OrderExpired),
        [OrderEventKind.Triggered] = typeof(OrderTriggered),
        [OrderEventKind.PendingUpdate] = typeof(OrderPendingUpdate),
        [OrderEventKind.PendingCancel] = typeof(OrderPendingCancel),
        [OrderEventKind.ModifyRejected] = typeof(OrderModifyRejected),
        [OrderEventKind.CancelRejected] = typeof(OrderCancelRejected),
        [OrderEventKind.Updated] = typeof(OrderUpdated),
        [OrderEventKind.Filled] = typeof(OrderFilled),
    };

    public static string Encode(IOrderEvent orderEvent, long seq)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", seq);
            writer.WriteString("type", orderEvent.Kind.ToString());
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, orderEvent, Types[orderEvent.Kind], StateJson.Options);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an envelope; <paramref name="key"/> names where it came from in the error.</summary>
    /// <exception cref="StoredStateException">The envelope or its event is malformed.</exception>
    public static (long Seq, IOrderEvent Event) Decode(string json, string key)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new StoredStateException(key, "not a JSON object");
            if (!root.TryGetProperty("seq", out JsonElement seqElement) || !seqElement.TryGetInt64(out long seq))
                throw new StoredStateException(key, "missing or invalid 'seq'");
            if (!root.TryGetProperty("type", out JsonElement typeElement) || typeElement.ValueKind != JsonValueKind.String
                || !Enum.TryParse(typeElement.GetString(), out OrderEventKind kind) || !Types.TryGetValue(kind, out Type? type))
                throw new StoredStateException(key, $"missing or unknown event 'type' ({(root.TryGetProperty("type", out var t) ? t.ToString() : "absent")})");
            if (!root.TryGetProperty("event", out JsonElement body) || body.ValueKind != JsonValueKind.Object)
                throw new StoredStateException(key, "missing 'event' object");
            var orderEvent = (IOrderEvent?)body.Deserialize(type, StateJson.Options) ?? throw new StoredStateException(key, "'event' is null");
            return (seq, orderEvent);
        }
        catch (JsonException ex)
        {
            throw new StoredStateException(key, ex.Message, ex);
        }
    }
}
