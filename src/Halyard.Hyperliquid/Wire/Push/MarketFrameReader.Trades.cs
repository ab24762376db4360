using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Halyard.Hyperliquid.Wire.Push;

public static partial class MarketFrameReader
{
    /// <summary>Parses a trades frame (or a bare trades array) into <paramref name="into"/>; an empty array is valid.</summary>
    public static bool TryParseTrades(ReadOnlySpan<byte> json, TradeBuffer into, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read()) return Fail("trades: empty message", out error);
            if (reader.TokenType == JsonTokenType.StartArray) return ReadTradeArray(ref reader, into, out error);
            if (reader.TokenType != JsonTokenType.StartObject) return Fail("trades: the message is not a JSON object or array", out error);
            bool data = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray) return Fail("trades: 'data' must be an array", out error);
                    if (!ReadTradeArray(ref reader, into, out string? inner)) return Fail(inner ?? "trades: invalid data", out error);
                    data = true; // keep reading so a truncated envelope is caught
                    continue;
                }
                reader.Read();
                reader.Skip();
            }
            return data ? Succeed(out error) : Fail("trades: missing 'data'", out error);
        }
        catch (JsonException ex)
        {
            return Fail($"trades: malformed JSON: {ex.Message}", out error);
        }
    }

    private static bool ReadTradeArray(ref Utf8JsonReader r, TradeBuffer into, out string? error)
    {
        int index = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) return Fail($"trades: data[{index}] must be an object", out error);
            if (!ReadTrade(ref r, into, index, out error)) return false;
            index++;
        }
        error = null;
        return true;
    }

    private static bool ReadTrade(ref Utf8JsonReader r, TradeBuffer into, int index, out string? error)
    {
        long px = 0, sz = 0, time = 0, tid = 0;
        byte pxDec = 0, szDec = 0;
        bool buyer = false;
        bool hasCoin = false, hasSide = false, hasPx = false, hasSz = false, hasTime = false, hasTid = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("coin"u8))
            {
                r.Read();
                if (!TryReadCoin(ref r, out var coin)) return FailValue(ref r, "trades", $"data[{index}].coin", out error);
                if (index == 0) into.SetCoin(coin);
                else if (!into.CoinMatches(coin)) return FailValue(ref r, "trades", $"data[{index}].coin (differs from data[0].coin)", out error);
                hasCoin = true;
            }
            else if (r.ValueTextEquals("side"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("B"u8)) buyer = true;
                else if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("A"u8)) buyer = false;
                else return FailValue(ref r, "trades", $"data[{index}].side", out error);
                hasSide = true;
            }
            else if (r.ValueTextEquals("px"u8))
            {
                r.Read();
                if (!TryReadFixed(ref r, out px, out pxDec)) return FailValue(ref r, "trades", $"data[{index}].px", out error);
                hasPx = true;
            }
            else if (r.ValueTextEquals("sz"u8))
            {
                r.Read();
                if (!TryReadFixed(ref r, out sz, out szDec) || sz < 0) return FailValue(ref r, "trades", $"data[{index}].sz", out error);
                hasSz = true;
            }
            else if (r.ValueTextEquals("time"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out time)) return FailValue(ref r, "trades", $"data[{index}].time", out error);
                hasTime = true;
            }
            else if (r.ValueTextEquals("tid"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out tid)) return FailValue(ref r, "trades", $"data[{index}].tid", out error);
                hasTid = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        string? missing = !hasCoin ? "coin" : !hasSide ? "side" : !hasPx ? "px" : !hasSz ? "sz" : !hasTime ? "time" : !hasTid ? "tid" : null;
        if (missing is not null) return Fail($"trades: data[{index}] is missing '{missing}'", out error);
        into.Add(new TradePrint(px, sz, time, tid, buyer, pxDec, szDec));
        error = null;
        return true;
    }

    private static bool Succeed(out string? error)
    {
        error = null;
        return true;
    }
}
