using System.Globalization;
using Halyard.Core.Model;

namespace Halyard.Simulator.Json;

/// <summary>
/// Numbers as the exchange prints them in responses: plain decimal text without exponent or trailing zeros,
/// and "N.0" for whole numbers ("113377.0", "0.0", "0.0335") — the shape its recorded responses show.
/// </summary>
internal static class WireText
{
    public static string Decimal(decimal value)
    {
        value /= 1.000000000000000000000000000000000m; // drops trailing zeros
        string text = value.ToString(CultureInfo.InvariantCulture);
        if (text == "-0") text = "0";
        return text.Contains('.') ? text : text + ".0";
    }

    /// <summary>A raw fixed-point value (10^9 scale).</summary>
    public static string Raw(long raw) => Decimal(FixedPoint.ToDecimal(raw));

    /// <summary>A decimal rounded to <paramref name="decimals"/> places first (account values use 6).</summary>
    public static string Rounded(decimal value, int decimals) => Decimal(Math.Round(value, decimals, MidpointRounding.ToEven));

    /// <summary>Milliseconds since the Unix epoch of a nanosecond timestamp.</summary>
    public static long Ms(long ns) => ns / 1_000_000;
}
