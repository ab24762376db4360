using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Halyard.Hyperliquid.Wire.Push;

public static partial class MarketFrameReader
{
    /// <summary>Parses a candle frame (or a bare candle object) into <paramref name="into"/>.</summary>
    public static bool TryParseCandle(ReadOnlySpan<byte> json, CandleBuffer into, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(into);
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("candle: the message is not a JSON object", out error);
            return ReadCandleObject(ref reader, into, envelope: true, out error);
        }
        catch (JsonException ex)
        {
            return Fail($"candle: malformed JSON: {ex.Message}", out error);
        }
    }

    /// <summary>Parses an activeAssetCtx frame (or its bare data) into <paramref name="into"/>: mark price and funding rate.</summary>
    public static bool TryParseActiveAssetCtx(ReadOnlySpan<byte> json, AssetContextBuffer into, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("activeAssetCtx: the message is not a JSON object", out error);
            return ReadContextObject(ref reader, into, envelope: true, out error);
        }
        catch (JsonException ex)
        {
            return Fail($"activeAssetCtx: malformed JSON: {ex.Message}", out error);
        }
    }

    private static bool ReadCandleObject(ref Utf8JsonReader r, CandleBuffer into, bool envelope, out string? error)
    {
        // One bit per required field: s i t T o h l c v.
        int seen = 0;
        bool data = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (envelope && r.ValueTextEquals("data"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) return Fail("candle: 'data' must be an object", out error);
                if (!ReadCandleObject(ref r, into, envelope: false, out error)) return false;
                data = true; // keep reading so a truncated envelope is caught
                continue;
            }
            if (r.ValueTextEquals("s"u8))
            {
                r.Read();
                if (!TryReadCoin(ref r, out var coin)) return Fail("candle: 's' must be a string", out error);
                into.SetCoin(coin);
                seen |= 1;
            }
            else if (r.ValueTextEquals("i"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped) return FailValue(ref r, "candle", "i", out error);
                into.SetInterval(r.ValueSpan);
                seen |= 2;
            }
            else if (r.ValueTextEquals("t"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out long t)) return FailValue(ref r, "candle", "t", out error);
                into.OpenTimeMs = t;
                seen |= 4;
            }
            else if (r.ValueTextEquals("T"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out long t)) return FailValue(ref r, "candle", "T", out error);
                into.CloseTimeMs = t;
                seen |= 8;
            }
            else if (r.ValueTextEquals("o"u8)) { r.Read(); if (!TryReadFixed(ref r, out long v, out _)) return FailValue(ref r, "candle", "o", out error); into.OpenRaw = v; seen |= 16; }
            else if (r.ValueTextEquals("h"u8)) { r.Read(); if (!TryReadFixed(ref r, out long v, out _)) return FailValue(ref r, "candle", "h", out error); into.HighRaw = v; seen |= 32; }
            else if (r.ValueTextEquals("l"u8)) { r.Read(); if (!TryReadFixed(ref r, out long v, out _)) return FailValue(ref r, "candle", "l", out error); into.LowRaw = v; seen |= 64; }
            else if (r.ValueTextEquals("c"u8)) { r.Read(); if (!TryReadFixed(ref r, out long v, out _)) return FailValue(ref r, "candle", "c", out error); into.CloseRaw = v; seen |= 128; }
            else if (r.ValueTextEquals("v"u8))
            {
                r.Read();
                if (!TryReadFixed(ref r, out long v, out _) || v < 0) return FailValue(ref r, "candle", "v", out error);
                into.VolumeRaw = v;
                seen |= 256;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        if (data) return Succeed(out error);
        const string names = "sitTohlcv";
        for (int bit = 0; bit < names.Length; bit++)
            if ((seen & (1 << bit)) == 0) return Fail($"candle: missing '{names[bit]}'", out error);
        return Succeed(out error);
    }

    private static bool ReadContextObject(ref Utf8JsonReader r, AssetContextBuffer into, bool envelope, out string? error)
    {
        bool coin = false, ctx = false, data = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (envelope && r.ValueTextEquals("data"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) return Fail("activeAssetCtx: 'data' must be an object", out error);
                if (!ReadContextObject(ref r, into, envelope: false, out error)) return false;
                data = true;
                continue;
            }
            if (r.ValueTextEquals("coin"u8))
            {
                r.Read();
                if (!TryReadCoin(ref r, out var utf8)) return Fail("activeAssetCtx: 'coin' must be a string", out error);
                into.SetCoin(utf8);
                coin = true;
            }
            else if (r.ValueTextEquals("ctx"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) return Fail("activeAssetCtx: 'ctx' must be an object", out error);
                if (!ReadContext(ref r, into, out error)) return false;
                ctx = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        if (data) return Succeed(out error);
        if (!coin) return Fail("activeAssetCtx: missing 'coin'", out error);
        if (!ctx) return Fail("activeAssetCtx: missing 'ctx'", out error);
        return Succeed(out error);
    }

    private static bool ReadContext(ref Utf8JsonReader r, AssetContextBuffer into, out string? error)
    {
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("markPx"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Null) continue;
                if (!TryReadFixed(ref r, out long raw, out byte decimals)) return FailValue(ref r, "activeAssetCtx", "ctx.markPx", out error);
                into.MarkPriceRaw = raw;
                into.MarkPriceDecimals = decimals;
                into.HasMarkPrice = true;
            }
            else if (r.ValueTextEquals("funding"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Null) continue;
                if (r.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || r.ValueIsEscaped
                    || !Utf8Parser.TryParse(r.ValueSpan, out decimal funding, out int consumed) || consumed != r.ValueSpan.Length)
                    return FailValue(ref r, "activeAssetCtx", "ctx.funding", out error);
                into.Funding = funding;
                into.HasFunding = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        return Succeed(out error);
    }
}
