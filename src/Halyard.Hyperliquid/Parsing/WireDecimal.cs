using System.Buffers;
using System.Text.Json;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>Reads Hyperliquid's decimal strings ("113377.0") straight into fixed-point raw values.</summary>
internal static class WireDecimal
{
    /// <summary>Reads the current string (or number) token; false when it is not a plain decimal.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out long raw)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number)) { raw = 0; return false; }
        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return FixedPoint.TryParse(span, out raw, out _, out _);
    }

    public static long Read(ref Utf8JsonReader reader, string field)
    {
        if (!TryRead(ref reader, out long raw))
            throw new FormatException($"field '{field}' is not a decimal");
        return raw;
    }

    /// <summary>A price at the instrument's precision; values with more decimals are rounded to nearest.</summary>
    public static Price ToPrice(long raw, byte precision) =>
        Price.FromRaw(FixedPoint.RoundToIncrement(raw, Increment(precision), RoundingDirection.Nearest), precision);

    public static Quantity ToQuantity(long raw, byte precision) =>
        Quantity.FromRaw(FixedPoint.RoundToIncrement(Math.Abs(raw), Increment(precision), RoundingDirection.Nearest), precision);

    private static long Increment(byte precision)
    {
        long inc = FixedPoint.ScaleFactor;
        for (int i = 0; i < precision; i++) inc /= 10;
        return inc;
    }

    /// <summary>Milliseconds since the epoch → nanoseconds.</summary>
    public static long MsToNs(long ms) => ms * 1_000_000L;

    public static long ReadInt64(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long v) ? v
        : throw new FormatException($"field '{field}' is not an integer");
}
