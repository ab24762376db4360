using Halyard.Core.Model;

namespace Halyard.Persistence.Redis.Json;

/// <summary>
/// Prices and quantities as exact decimal strings. Normally the text has the value's own precision ("1.50");
/// a raw value with more digits than its precision (a computed price) is written in full with the precision
/// after an '@' ("1.501234567@2"), because formatting at the precision would cut digits.
/// </summary>
internal static class FixedPointText
{
    private const byte FullScale = 9;

    public static string Format(long raw, byte precision)
    {
        string atPrecision = Price.FromRaw(raw, precision).ToString();
        return Price.Parse(atPrecision).Raw == raw ? atPrecision : $"{Price.FromRaw(raw, FullScale)}@{precision}";
    }

    public static (long Raw, byte Precision) Parse(string text)
    {
        int at = text.IndexOf('@');
        if (at < 0)
        {
            Price plain = Price.Parse(text);
            return (plain.Raw, plain.Precision);
        }
        if (!byte.TryParse(text.AsSpan(at + 1), out byte precision) || precision > FullScale)
            throw new FormatException($"invalid precision after '@' in '{text}'");
        return (Price.Parse(text.AsSpan(0, at)).Raw, precision);
    }

    public static Price ParsePrice(string text)
    {
        var (raw, precision) = Parse(text);
        return Price.FromRaw(raw, precision);
    }

    public static Quantity ParseQuantity(string text)
    {
        var (raw, precision) = Parse(text);
        return Quantity.FromRaw(raw, precision);
    }
}
