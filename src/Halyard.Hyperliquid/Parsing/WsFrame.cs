using System.Text.Json;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>Finds a frame's channel and where its <c>data</c> starts, without allocating.</summary>
public static class WsFrame
{
    /// <summary>
    /// Reads <c>{"channel":…,"data":…}</c>. <paramref name="dataStart"/> is the offset of the data value (−1
    /// when absent, e.g. pong). False for frames that are not a JSON object (the venue's greeting text).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out WsChannel channel, out int dataStart)
    {
        channel = WsChannel.Unknown;
        dataStart = -1;
        if (frame.IsEmpty || frame[0] != (byte)'{') return false;
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            bool haveChannel = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    channel = Classify(ref reader);
                    haveChannel = true;
                    if (dataStart >= 0) return true;
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    dataStart = (int)reader.TokenStartIndex;
                    if (haveChannel) return true; // usual order: no need to walk the data twice
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return haveChannel;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static WsChannel Classify(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) return WsChannel.Unknown;
        if (reader.ValueTextEquals("l2Book"u8)) return WsChannel.L2Book;
        if (reader.ValueTextEquals("bbo"u8)) return WsChannel.Bbo;
        if (reader.ValueTextEquals("trades"u8)) return WsChannel.Trades;
        if (reader.ValueTextEquals("orderUpdates"u8)) return WsChannel.OrderUpdates;
        if (reader.ValueTextEquals("userFills"u8)) return WsChannel.UserFills;
        if (reader.ValueTextEquals("user"u8)) return WsChannel.User;
        if (reader.ValueTextEquals("candle"u8)) return WsChannel.Candle;
        if (reader.ValueTextEquals("activeAssetCtx"u8)) return WsChannel.ActiveAssetCtx;
        if (reader.ValueTextEquals("allMids"u8)) return WsChannel.AllMids;
        if (reader.ValueTextEquals("post"u8)) return WsChannel.Post;
        if (reader.ValueTextEquals("pong"u8)) return WsChannel.Pong;
        if (reader.ValueTextEquals("subscriptionResponse"u8)) return WsChannel.SubscriptionResponse;
        if (reader.ValueTextEquals("error"u8)) return WsChannel.Error;
        if (reader.ValueTextEquals("userFundings"u8)) return WsChannel.UserFundings;
        return WsChannel.Unknown;
    }
}
