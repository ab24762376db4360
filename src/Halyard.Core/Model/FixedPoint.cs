using System.Runtime.CompilerServices;

namespace Halyard.Core.Model;

/// <summary>Shared arithmetic of the fixed-point value types: a <c>long</c> scaled by 10^9.</summary>
public static class FixedPoint
{
    /// <summary>Decimal places carried by every raw value.</summary>
    public const int Scale = 9;

    /// <summary>10^<see cref="Scale"/>.</summary>
    public const long ScaleFactor = 1_000_000_000L;

    internal static ReadOnlySpan<long> Pow10 =>
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    ];

    /// <summary>Parses a plain decimal string ("-12.5", "0.00012") into a raw value; no exponent, no spaces.</summary>
    /// <returns>false with <paramref name="error"/> set when the text is not a representable decimal.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out long raw, out byte decimals, out string? error)
    {
        Span<byte> utf8 = stackalloc byte[text.Length <= 64 ? text.Length : 0];
        if (text.Length > 64) { raw = 0; decimals = 0; error = "too long"; return false; }
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 127) { raw = 0; decimals = 0; error = $"unexpected character '{text[i]}'"; return false; }
            utf8[i] = (byte)text[i];
        }
        return TryParse(utf8, out raw, out decimals, out error);
    }

    /// <summary>Parses UTF-8 decimal text straight from the wire without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out long raw, out byte decimals, out string? error)
    {
        raw = 0; decimals = 0; error = null;
        if (utf8.IsEmpty) { error = "empty"; return false; }
        int i = 0;
        bool negative = false;
        if (utf8[0] == (byte)'-') { negative = true; i = 1; }
        else if (utf8[0] == (byte)'+') { i = 1; }
        if (i == utf8.Length) { error = "no digits"; return false; }

        ulong integer = 0;
        int intDigits = 0;
        for (; i < utf8.Length && utf8[i] != (byte)'.'; i++)
        {
            uint d = (uint)(utf8[i] - (byte)'0');
            if (d > 9) { error = $"unexpected character '{(char)utf8[i]}'"; return false; }
            integer = integer * 10 + d;
            if (++intDigits > 10 || integer > (ulong)(long.MaxValue / ScaleFactor)) { error = "out of range"; return false; }
        }

        ulong fraction = 0;
        int fracDigits = 0;
        if (i < utf8.Length)
        {
            i++; // the '.'
            for (; i < utf8.Length; i++)
            {
                uint d = (uint)(utf8[i] - (byte)'0');
                if (d > 9) { error = $"unexpected character '{(char)utf8[i]}'"; return false; }
                if (fracDigits == Scale)
                {
                    if (d != 0) { error = $"more than {Scale} decimal places"; return false; }
                    continue; // trailing zeros beyond the scale carry no value
                }
                fraction = fraction * 10 + d;
                fracDigits++;
            }
            if (fracDigits == 0 && intDigits == 0) { error = "no digits"; return false; }
        }
        else if (intDigits == 0) { error = "no digits"; return false; }

        ulong magnitude = integer * (ulong)ScaleFactor + fraction * (ulong)Pow10[Scale - fracDigits];
        if (magnitude > long.MaxValue) { error = "out of range"; return false; }
        raw = negative ? -(long)magnitude : (long)magnitude;
        decimals = (byte)fracDigits;
        return true;
    }

    /// <summary>Converts a decimal exactly; fails when it has more than <see cref="Scale"/> decimals or overflows.</summary>
    public static bool TryFromDecimal(decimal value, out long raw)
    {
        decimal scaled = value * ScaleFactor;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            raw = 0;
            return false;
        }
        raw = (long)scaled;
        return true;
    }

    /// <summary>Exact decimal of a raw value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal ToDecimal(long raw)
    {
        bool negative = raw < 0;
        ulong magnitude = negative ? (ulong)(-(raw + 1)) + 1 : (ulong)raw;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, Scale);
    }

    /// <summary>Number of decimals of a decimal value once trailing zeros are dropped.</summary>
    public static byte DecimalsOf(decimal value)
    {
        value /= 1.000000000000000000000000000000000m; // normalises away trailing zeros
        return value.Scale;
    }

    /// <summary>Rounds a raw value to a multiple of <paramref name="increment"/> in the given direction.</summary>
    public static long RoundToIncrement(long raw, long increment, RoundingDirection direction)
    {
        if (increment <= 0) throw new ArgumentOutOfRangeException(nameof(increment), increment, "must be positive");
        long remainder = raw % increment;
        if (remainder == 0) return raw;
        long down = raw - remainder - (remainder < 0 ? increment : 0); // floor
        long up = down + increment;
        return direction switch
        {
            RoundingDirection.Down => down,
            RoundingDirection.Up => up,
            RoundingDirection.TowardZero => raw >= 0 ? down : up,
            RoundingDirection.AwayFromZero => raw >= 0 ? up : down,
            RoundingDirection.Nearest => NearestHalfEven(raw, down, up, increment),
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
        };
    }

    private static long NearestHalfEven(long raw, long down, long up, long increment)
    {
        long fromDown = raw - down;
        long fromUp = up - raw;
        if (fromDown != fromUp) return fromDown < fromUp ? down : up;
        return (down / increment) % 2 == 0 ? down : up;
    }

    /// <summary>Writes a raw value with exactly <paramref name="precision"/> decimals.</summary>
    public static bool TryFormat(long raw, byte precision, Span<char> destination, out int written)
    {
        written = 0;
        if (precision > Scale) precision = Scale;
        bool negative = raw < 0;
        ulong magnitude = negative ? (ulong)(-(raw + 1)) + 1 : (ulong)raw;
        ulong integer = magnitude / (ulong)ScaleFactor;
        ulong fraction = (magnitude % (ulong)ScaleFactor) / (ulong)Pow10[Scale - precision];
        int pos = 0;
        if (negative)
        {
            if (destination.Length < 1) return false;
            destination[pos++] = '-';
        }
        if (!integer.TryFormat(destination[pos..], out int n, default, System.Globalization.CultureInfo.InvariantCulture)) return false;
        pos += n;
        if (precision > 0)
        {
            if (destination.Length < pos + 1 + precision) return false;
            destination[pos++] = '.';
            for (int i = precision - 1; i >= 0; i--)
            {
                destination[pos + i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }
            pos += precision;
        }
        written = pos;
        return true;
    }

    internal static string Format(long raw, byte precision)
    {
        Span<char> buffer = stackalloc char[32];
        TryFormat(raw, precision, buffer, out int written);
        return new string(buffer[..written]);
    }
}
