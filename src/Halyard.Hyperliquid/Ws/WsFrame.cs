using System.Text.Json;

namespace Halyard.Hyperliquid.Ws;

/// <summary>Zero-allocation inspection of server frames: which channel, and for posts the id, type and payload bytes.</summary>
public static class WsFrame
{
    /// <summary>Finds the top-level <c>channel</c>; false for non-JSON text, garbage, or a frame without one.</summary>
    public static bool TryReadChannel(ReadOnlySpan<byte> frame, out WsChannel channel)
    {
        channel = WsChannel.Unknown;
        if (frame.IsEmpty) return false;
        var r = new Utf8JsonReader(frame);
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                bool isChannel = r.ValueTextEquals("channel"u8);
                r.Read();
                if (isChannel)
                {
                    if (r.TokenType != JsonTokenType.String) return false;
                    channel = Classify(r.ValueSpan);
                    return true;
                }
                r.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The channel for a channel name (UTF-8).</summary>
    public static WsChannel Classify(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("l2Book"u8) => WsChannel.L2Book,
        _ when name.SequenceEqual("trades"u8) => WsChannel.Trades,
        _ when name.SequenceEqual("bbo"u8) => WsChannel.Bbo,
        _ when name.SequenceEqual("allMids"u8) => WsChannel.AllMids,
        _ when name.SequenceEqual("candle"u8) => WsChannel.Candle,
        _ when name.SequenceEqual("orderUpdates"u8) => WsChannel.OrderUpdates,
        _ when name.SequenceEqual("userFills"u8) => WsChannel.UserFills,
        _ when name.SequenceEqual("user"u8) => WsChannel.User,
        _ when name.SequenceEqual("userFundings"u8) => WsChannel.UserFundings,
        _ when name.SequenceEqual("post"u8) => WsChannel.Post,
        _ when name.SequenceEqual("pong"u8) => WsChannel.Pong,
        _ when name.SequenceEqual("subscriptionResponse"u8) => WsChannel.SubscriptionResponse,
        _ when name.SequenceEqual("error"u8) => WsChannel.Error,
        _ when name.SequenceEqual("activeAssetCtx"u8) => WsChannel.ActiveAssetCtx,
        _ when name.SequenceEqual("activeSpotAssetCtx"u8) => WsChannel.ActiveSpotAssetCtx,
        _ when name.SequenceEqual("activeAssetData"u8) => WsChannel.ActiveAssetData,
        _ when name.SequenceEqual("userNonFundingLedgerUpdates"u8) => WsChannel.UserNonFundingLedgerUpdates,
        _ when name.SequenceEqual("webData2"u8) => WsChannel.WebData2,
        _ when name.SequenceEqual("notification"u8) => WsChannel.Notification,
        _ => WsChannel.Unknown,
    };

    /// <summary>
    /// Reads a <c>post</c> frame: <c>{"channel":"post","data":{"id":n,"response":{"type":t,"payload":p}}}</c>.
    /// <paramref name="payload"/> is the raw JSON of <c>payload</c> (a slice of <paramref name="frame"/>).
    /// </summary>
    public static bool TryReadPost(ReadOnlySpan<byte> frame, out long id, out WsPostKind kind, out Range payload)
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
