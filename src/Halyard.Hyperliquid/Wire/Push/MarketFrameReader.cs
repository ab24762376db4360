using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// Hot-path parsers for <c>l2Book</c>, <c>bbo</c> and <c>trades</c>: a forward-only <see cref="Utf8JsonReader"/> pass
/// that writes fixed-point levels into reusable buffers, with no allocation per level or per message in the steady
/// state. Each accepts the whole WS frame (<c>{"channel":…,"data":…}</c>) or the bare data (REST answer).
/// Failures return false with a message naming the field; only the failure path allocates.
/// </summary>
public static partial class MarketFrameReader
{
    private const int MaxNumberLength = 64;

    /// <summary>Parses an l2Book frame or snapshot into <paramref name="into"/> (bids best-first, asks best-first).</summary>
    public static bool TryParseL2Book(ReadOnlySpan<byte> json, BookSnapshotBuffer into, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (TryParseL2BookCompact(json, into))
        {
            error = null;
            return true;
        }
        into.Reset();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("l2Book: the message is not a JSON object", out error);
            return ReadBookObject(ref reader, into, envelope: true, out error);
        }
        catch (JsonException ex)
        {
            return Fail($"l2Book: malformed JSON: {ex.Message}", out error);
        }
    }

    /// <summary>Parses a bbo frame into <paramref name="into"/>; a null side leaves HasBid/HasAsk false.</summary>
    public static bool TryParseBbo(ReadOnlySpan<byte> json, BboBuffer into, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("bbo: the message is not a JSON object", out error);
            return ReadBboObject(ref reader, into, envelope: true, out error);
        }
        catch (JsonException ex)
        {
            return Fail($"bbo: malformed JSON: {ex.Message}", out error);
        }
    }

    private static bool ReadBookObject(ref Utf8JsonReader r, BookSnapshotBuffer into, bool envelope, out string? error)
    {
        bool coin = false, time = false, levels = false, data = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (envelope && r.ValueTextEquals("data"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) return Fail("l2Book: 'data' must be an object", out error);
                if (!ReadBookObject(ref r, into, envelope: false, out error)) return false;
                data = true; // keep reading so a truncated envelope is caught
                continue;
            }
            if (r.ValueTextEquals("coin"u8))
            {
                r.Read();
                if (!TryReadCoin(ref r, out var utf8)) return Fail("l2Book: 'coin' must be a string", out error);
                into.SetCoin(utf8);
                coin = true;
            }
            else if (r.ValueTextEquals("time"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out long ms)) return Fail("l2Book: 'time' must be an integer", out error);
                into.Time = ms;
                time = true;
            }
            else if (r.ValueTextEquals("levels"u8))
            {
                r.Read();
                if (!ReadLevels(ref r, into, out error)) return false;
                levels = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        if (data)
        {
            error = null;
            return true;
        }
        if (!coin) return Fail("l2Book: missing 'coin'", out error);
        if (!time) return Fail("l2Book: missing 'time'", out error);
        if (!levels) return Fail("l2Book: missing 'levels'", out error);
        error = null;
        return true;
    }

    private static bool ReadLevels(ref Utf8JsonReader r, BookSnapshotBuffer into, out string? error)
    {
        if (r.TokenType != JsonTokenType.StartArray) return Fail("l2Book: 'levels' must be [bids, asks]", out error);
        int side = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (side > 1) return Fail("l2Book: 'levels' has more than two sides", out error);
            if (r.TokenType != JsonTokenType.StartArray) return Fail($"l2Book: levels[{side}] must be an array", out error);
            int index = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (!ReadLevel(ref r, "l2Book", side, index, out var level, out error)) return false;
                into.Add(side, level);
                index++;
            }
            side++;
        }
        if (side != 2) return Fail($"l2Book: 'levels' must have two sides, found {side}", out error);
        error = null;
        return true;
    }

    private static bool ReadBboObject(ref Utf8JsonReader r, BboBuffer into, bool envelope, out string? error)
    {
        bool coin = false, time = false, bbo = false, data = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (envelope && r.ValueTextEquals("data"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) return Fail("bbo: 'data' must be an object", out error);
                if (!ReadBboObject(ref r, into, envelope: false, out error)) return false;
                data = true; // keep reading so a truncated envelope is caught
                continue;
            }
            if (r.ValueTextEquals("coin"u8))
            {
                r.Read();
                if (!TryReadCoin(ref r, out var utf8)) return Fail("bbo: 'coin' must be a string", out error);
                into.SetCoin(utf8);
                coin = true;
            }
            else if (r.ValueTextEquals("time"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out long ms)) return Fail("bbo: 'time' must be an integer", out error);
                into.Time = ms;
                time = true;
            }
            else if (r.ValueTextEquals("bbo"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.StartArray) return Fail("bbo: 'bbo' must be [bid, ask]", out error);
                int side = 0;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (side > 1) return Fail("bbo: 'bbo' has more than two entries", out error);
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        if (!ReadLevel(ref r, "bbo", side, -1, out var level, out error)) return false;
                        if (side == 0) { into.Bid = level; into.HasBid = true; }
                        else { into.Ask = level; into.HasAsk = true; }
                    }
                    side++;
                }
                bbo = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        if (data)
        {
            error = null;
            return true;
        }
        if (!coin) return Fail("bbo: missing 'coin'", out error);
        if (!time) return Fail("bbo: missing 'time'", out error);
        if (!bbo) return Fail("bbo: missing 'bbo'", out error);
        error = null;
        return true;
    }

    /// <summary>Reads <c>{"px","sz","n"}</c> at the current StartObject.</summary>
    private static bool ReadLevel(ref Utf8JsonReader r, string what, int side, int index, out BookLevel level, out string? error)
    {
        level = default;
        if (r.TokenType != JsonTokenType.StartObject) return Fail($"{what}: {LevelPath(what, side, index)} must be an object", out error);
        long px = 0, sz = 0;
        byte pxDec = 0, szDec = 0;
        int n = 0;
        bool hasPx = false, hasSz = false, hasN = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("px"u8))
            {
                r.Read();
                if (!TryReadFixed(ref r, out px, out pxDec)) return FailValue(ref r, what, LevelPath(what, side, index) + ".px", out error);
                hasPx = true;
            }
            else if (r.ValueTextEquals("sz"u8))
            {
                r.Read();
                if (!TryReadFixed(ref r, out sz, out szDec) || sz < 0) return FailValue(ref r, what, LevelPath(what, side, index) + ".sz", out error);
                hasSz = true;
            }
            else if (r.ValueTextEquals("n"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out n)) return FailValue(ref r, what, LevelPath(what, side, index) + ".n", out error);
                hasN = true;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        if (!hasPx || !hasSz || !hasN)
            return Fail($"{what}: {LevelPath(what, side, index)} is missing '{(!hasPx ? "px" : !hasSz ? "sz" : "n")}'", out error);
        level = new BookLevel(px, sz, n, pxDec, szDec);
        error = null;
        return true;
    }

    private static string LevelPath(string what, int side, int index) =>
        what == "bbo" ? $"bbo[{side}]" : $"levels[{side}][{index}]";

    /// <summary>Reads a decimal string (or, tolerantly, a plain JSON number) as a fixed-point raw value.</summary>
    private static bool TryReadFixed(ref Utf8JsonReader r, out long raw, out byte decimals)
    {
        raw = 0;
        decimals = 0;
        if (r.TokenType is not (JsonTokenType.String or JsonTokenType.Number)) return false;
        if (!r.ValueIsEscaped) return FixedPoint.TryParse(r.ValueSpan, out raw, out decimals, out _);
        if (r.ValueSpan.Length > MaxNumberLength) return false;
        Span<byte> unescaped = stackalloc byte[MaxNumberLength];
        int length = r.CopyString(unescaped);
        return FixedPoint.TryParse(unescaped[..length], out raw, out decimals, out _);
    }

    /// <summary>The coin's UTF-8 bytes; escaped names (never seen in practice) are unescaped into a new array.</summary>
    private static bool TryReadCoin(ref Utf8JsonReader r, out ReadOnlySpan<byte> utf8)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            utf8 = default;
            return false;
        }
        utf8 = r.ValueIsEscaped ? Encoding.UTF8.GetBytes(r.GetString()!) : r.ValueSpan;
        return true;
    }

    private static bool FailValue(ref Utf8JsonReader r, string what, string field, out string? error)
    {
        string shown = r.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? $"'{Encoding.UTF8.GetString(r.ValueSpan)}'"
            : r.TokenType.ToString();
        error = $"{what}: {field} is not a valid value: {shown}";
        return false;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
