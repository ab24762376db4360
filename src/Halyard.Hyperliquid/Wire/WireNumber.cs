using System.Globalization;

namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// The one formatter for every number on the wire (PROTOCOL §2.3): invariant culture, no trailing zeros, no
/// exponent, never "-0", at most 8 decimals. The venue re-serialises what it parsed, so "2000.0" and "2000"
/// hash differently; everything that puts a decimal on the wire goes through here.
/// </summary>
public static class WireNumber
{
    /// <summary>The venue's limit on decimals of any wire number.</summary>
    public const int MaxDecimals = 8;

    private const string Pattern = "0.############################";

    /// <summary>Formats <paramref name="value"/>; throws when it has more than 8 decimals.</summary>
    public static string Format(decimal value, string field = "value")
    {
        Span<char> buffer = stackalloc char[64];
        if (!TryFormat(value, buffer, out int written, out string? error))
            throw new ArgumentException($"{field} {error}", field);
        return new string(buffer[..written]);
    }

    /// <summary>Allocation-free form of <see cref="Format"/>.</summary>
    public static bool TryFormat(decimal value, Span<char> destination, out int written, out string? error)
    {
        int decimals = Decimals(value);
        if (decimals > MaxDecimals)
        {
            written = 0;
            error = $"has {decimals} decimals; the wire allows at most {MaxDecimals} (round it first)";
            return false;
        }
        if (value == 0m)
        {
            // decimal keeps a sign on zero; the wire must never see "-0".
            written = 0;
            if (destination.Length < 1) { error = "destination too small"; return false; }
            destination[0] = '0';
            written = 1;
            error = null;
            return true;
        }
        error = value.TryFormat(destination, out written, Pattern, CultureInfo.InvariantCulture) ? null : "destination too small";
        return error is null;
    }

    /// <summary>Parses a wire number string exactly (invariant, no exponent).</summary>
    public static decimal Parse(string text, string field = "value")
    {
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"{field} must be a decimal number string");
        return value;
    }

    /// <summary>
    /// True when <paramref name="text"/> is what <see cref="Format"/> produces for a non-negative value:
    /// digits, optional fraction without trailing zeros, ≤ 8 decimals, no sign, no exponent, no superfluous zeros.
    /// </summary>
    public static bool IsCanonical(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        int dot = text.IndexOf('.');
        var integer = dot < 0 ? text.AsSpan() : text.AsSpan(0, dot);
        if (integer.Length == 0 || (integer.Length > 1 && integer[0] == '0')) return false;
        foreach (char c in integer) if (c is < '0' or > '9') return false;
        if (dot < 0) return true;
        var fraction = text.AsSpan(dot + 1);
        if (fraction.Length is 0 or > MaxDecimals || fraction[^1] == '0') return false;
        foreach (char c in fraction) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Throws an error naming <paramref name="field"/> unless <paramref name="text"/> is canonical.</summary>
    public static void RequireCanonical(string? text, string field)
    {
        if (!IsCanonical(text))
            throw new ArgumentException(
                $"{field} must be a non-negative wire number (e.g. \"1670.1\": no trailing zeros, no exponent, at most {MaxDecimals} decimals); got \"{text}\"",
                field);
    }

    /// <summary>Number of decimals once trailing zeros are removed (1.500 → 1).</summary>
    public static int Decimals(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        if (mantissa == 0) return 0;
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        return scale;
    }
}
