using System.Buffers;
using System.Text.Json;

namespace Halyard.Simulator.Ws;

/// <summary>Builds server → client frames: <c>{"channel": …, "data": …}</c> as UTF-8 bytes.</summary>
internal static class WsFrames
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static readonly byte[] Pong = "{\"channel\":\"pong\"}"u8.ToArray();

    /// <summary>A frame whose data is written by <paramref name="writeData"/>.</summary>
    public static byte[] Build<TState>(string channel, TState state, Action<Utf8JsonWriter, TState> writeData)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Halyard.Simulator.Json.JsonOut.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("channel"u8, channel);
            writer.WritePropertyName("data"u8);
            writeData(writer, state);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(string text) => Build("error", text, static (w, t) => w.WriteStringValue(t));

    /// <summary>The subscription ack: echoes the subscription exactly as the client sent it.</summary>
    public static byte[] SubscriptionResponse(string method, string rawSubscription) =>
        Build("subscriptionResponse", (method, rawSubscription), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("method"u8, s.method);
            w.WritePropertyName("subscription"u8);
            w.WriteRawValue(s.rawSubscription, skipInputValidation: true);
            w.WriteEndObject();
        });
}
