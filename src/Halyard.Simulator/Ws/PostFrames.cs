using System.Buffers;
using System.Text.Json;
using Halyard.Simulator.Http;

namespace Halyard.Simulator.Ws;

/// <summary>Answers to WebSocket <c>post</c> requests: <c>{"channel":"post","data":{"id":…,"response":{…}}}</c>.</summary>
internal static class PostFrames
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_payload;

    public static byte[] Error(long id, string text) =>
        WsFrames.Build("post", (id, text), static (w, s) =>
        {
            Open(w, s.id, "error");
            w.WriteString("payload"u8, s.text);
            Close(w);
        });

    /// <summary>Runs an info request; the payload is <c>{"type": infoType, "data": …}</c>.</summary>
    public static byte[] Info(long id, JsonElement request, InfoService info)
    {
        var payload = t_payload ??= new ArrayBufferWriter<byte>(4096);
        payload.ResetWrittenCount();
        var answer = info.Answer(request, payload);
        if (answer.Error is { } error) return Error(id, $"{error} id={id}");
        return WsFrames.Build("post", (id, answer.Type, payload), static (w, s) =>
        {
            Open(w, s.id, "info");
            w.WritePropertyName("payload"u8);
            w.WriteStartObject();
            w.WriteString("type"u8, s.Type);
            w.WritePropertyName("data"u8);
            w.WriteRawValue(s.payload.WrittenSpan, skipInputValidation: true);
            w.WriteEndObject();
            Close(w);
        });
    }

    /// <summary>Runs a signed action; the payload is exactly what POST /exchange would answer.</summary>
    public static byte[] Action(long id, JsonElement envelope, ActionService actions)
    {
        var payload = t_payload ??= new ArrayBufferWriter<byte>(4096);
        payload.ResetWrittenCount();
        actions.Execute(envelope, payload);
        return WsFrames.Build("post", (id, payload), static (w, s) =>
        {
            Open(w, s.id, "action");
            w.WritePropertyName("payload"u8);
            w.WriteRawValue(s.payload.WrittenSpan, skipInputValidation: true);
            Close(w);
        });
    }

    private static void Open(Utf8JsonWriter w, long id, string type)
    {
        w.WriteStartObject();
        w.WriteNumber("id"u8, id);
        w.WritePropertyName("response"u8);
        w.WriteStartObject();
        w.WriteString("type"u8, type);
    }

    private static void Close(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
