using System.Text.Json;

namespace Halyard.Hyperliquid.Ws;

/// <summary>Zero-allocation reading of a WS <c>post</c> answer: its id, type and payload bytes.</summary>
public static class WsPostFrame
{
    /// <summary>
    /// Reads a <c>post</c> frame: <c>{"channel":"post","data":{"id":n,"response":{"type":t,"payload":p}}}</c>.
    /// <paramref name="payload"/> is the raw JSON of <c>payload</c> (a slice of <paramref name="frame"/>).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out long id, out WsPostKind kind, out Range payload)
    {
        id = 0;
        kind = WsPostKind.Unknown;
        payload = default;
        bool hasId = false, hasPayload = false;
        var r = new Utf8JsonReader(frame);
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                bool isData = r.ValueTextEquals("data"u8);
                r.Read();
                if (!isData || r.TokenType != JsonTokenType.StartObject)
                {
                    r.Skip();
                    continue;
                }
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (r.ValueTextEquals("id"u8))
                    {
                        r.Read();
                        hasId = r.TokenType == JsonTokenType.Number && r.TryGetInt64(out id);
                    }
                    else if (r.ValueTextEquals("response"u8))
                    {
                        r.Read();
                        if (r.TokenType != JsonTokenType.StartObject) return false;
                        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                        {
                            if (r.ValueTextEquals("type"u8))
                            {
                                r.Read();
                                kind = r.ValueTextEquals("info"u8) ? WsPostKind.Info
                                    : r.ValueTextEquals("action"u8) ? WsPostKind.Action
                                    : r.ValueTextEquals("error"u8) ? WsPostKind.Error
                                    : WsPostKind.Unknown;
                            }
                            else if (r.ValueTextEquals("payload"u8))
                            {
                                r.Read();
                                int start = (int)r.TokenStartIndex;
                                r.Skip();
                                payload = new Range(start, (int)r.BytesConsumed);
                                hasPayload = true;
                            }
                            else
                            {
                                r.Read();
                                r.Skip();
                            }
                        }
                    }
                    else
                    {
                        r.Read();
                        r.Skip();
                    }
                }
            }
            return hasId && hasPayload;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
