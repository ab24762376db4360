using System.Runtime.CompilerServices;

namespace Halyard.Core.Model;

/// <summary>
/// A price as a fixed-point number: <see cref="Raw"/> is the value scaled by 10^9, and
/// <see cref="Precision"/> the decimals the instrument quotes. Equality and ordering use the raw value.
/// </summary>
public readonly struct Price : IEquatable<Price>, IComparable<Price>, ISpanFormattable
{
    public long Raw { get; }
    public byte Precision { get; }

    private Price(long raw, byte precision)
    {
        Raw = raw;
        Precision = precision;
    }

    public static Price Zero(byte precision = 0) => new(0, precision);

    /// <summary>From a raw value already scaled by 10^9.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Price FromRaw(long raw, byte precision)
    {
        if (precision > FixedPoint.Scale) throw new ArgumentOutOfRangeException(nameof(precision), precision, $"must be at most {FixedPoint.Scale}");
        return new Price(raw, precision);
    }

    /// <summary>Parses decimal text; the precision is the number of decimals written.</summary>
    public static Price Parse(string text) => Parse(text.AsSpan());

    public static Price Parse(ReadOnlySpan<char> text) =>
        FixedPoint.TryParse(text, out long raw, out byte decimals, out string? error)
            ? new Price(raw, decimals)
            : throw new FormatException($"invalid price '{text.ToString()}': {error}");

    /// <summary>Parses decimal text and gives it the instrument's precision; fails when the text has more decimals.</summary>
    public static Price Parse(ReadOnlySpan<char> text, byte precision)
    {
        Price parsed = Parse(text);
        return parsed.Precision <= precision
            ? new Price(parsed.Raw, precision)
            : throw new FormatException($"invalid price '{text.ToString()}': more than {precision} decimal places");
    }

    /// <summary>Parses UTF-8 wire text without allocating (unless it is invalid).</summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, byte precision, out Price price)
    {
        if (FixedPoint.TryParse(utf8, out long raw, out byte decimals, out _) && decimals <= precision)
        {
            price = new Price(raw, precision);
            return true;
        }
        price = default;
        return false;
    }

    /// <summary>Exact conversion; throws when <paramref name="value"/> has more than <paramref name="precision"/> decimals.</summary>
    public static Price FromDecimal(decimal value, byte precision)
    {
        if (precision > FixedPoint.Scale) throw new ArgumentOutOfRangeException(nameof(precision), precision, $"must be at most {FixedPoint.Scale}");
        if (FixedPoint.DecimalsOf(value) > precision || !FixedPoint.TryFromDecimal(value, out long raw))
            throw new ArgumentException($"price {value} is not representable with {precision} decimals", nameof(value));
        return new Price(raw, precision);
    }

    /// <summary>Rounds to <paramref name="precision"/> decimals in the given direction, then converts.</summary>
    public static Price FromDecimal(decimal value, byte precision, RoundingDirection direction)
    {
        if (!FixedPoint.TryFromDecimal(decimal.Round(value, FixedPoint.Scale, MidpointRounding.ToZero), out long raw))
            throw new ArgumentOutOfRangeException(nameof(value), value, "price out of range");
        long increment = FixedPoint.Pow10[FixedPoint.Scale - precision];
        return new Price(FixedPoint.RoundToIncrement(raw, increment, direction), precision);
    }

    public decimal ToDecimal() => FixedPoint.ToDecimal(Raw);

    public bool IsZero => Raw == 0;
    public bool IsPositive => Raw > 0;

    /// <summary>This price moved onto a multiple of <paramref name="tick"/>.</summary>
    public Price RoundToTick(Price tick, RoundingDirection direction) =>
        new(FixedPoint.RoundToIncrement(Raw, tick.Raw, direction), Precision);

    public static Price operator +(Price a, Price b) => new(checked(a.Raw + b.Raw), Math.Max(a.Precision, b.Precision));
    public static Price operator -(Price a, Price b) => new(checked(a.Raw - b.Raw), Math.Max(a.Precision, b.Precision));
    public static Price operator -(Price a) => new(-a.Raw, a.Precision);
    public static bool operator ==(Price a, Price b) => a.Raw == b.Raw;
    public static bool operator !=(Price a, Price b) => a.Raw != b.Raw;
    public static bool operator <(Price a, Price b) => a.Raw < b.Raw;
    public static bool operator >(Price a, Price b) => a.Raw > b.Raw;
    public static bool operator <=(Price a, Price b) => a.Raw <= b.Raw;
    public static bool operator >=(Price a, Price b) => a.Raw >= b.Raw;

    public static Price Min(Price a, Price b) => a.Raw <= b.Raw ? a : b;
    public static Price Max(Price a, Price b) => a.Raw >= b.Raw ? a : b;

    public bool Equals(Price other) => Raw == other.Raw;
    public override bool Equals(object? obj) => obj is Price other && Equals(other);
    public override int GetHashCode() => Raw.GetHashCode();
    public int CompareTo(Price other) => Raw.CompareTo(other.Raw);

    public override string ToString() => FixedPoint.Format(Raw, Precision);
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        FixedPoint.TryFormat(Raw, Precision, destination, out charsWritten);
}
