using System.Runtime.CompilerServices;

namespace Halyard.Core.Model;

/// <summary>
/// A size as a fixed-point number: <see cref="Raw"/> is the value scaled by 10^9, and
/// <see cref="Precision"/> the decimals the instrument quotes. Equality and ordering use the raw value.
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, ISpanFormattable
{
    public long Raw { get; }
    public byte Precision { get; }

    private Quantity(long raw, byte precision)
    {
        if (raw < 0) throw new ArgumentOutOfRangeException(nameof(raw), raw, "a quantity cannot be negative");
        Raw = raw;
        Precision = precision;
    }

    public static Quantity Zero(byte precision = 0) => new(0, precision);

    /// <summary>From a raw value already scaled by 10^9.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quantity FromRaw(long raw, byte precision)
    {
        if (precision > FixedPoint.Scale) throw new ArgumentOutOfRangeException(nameof(precision), precision, $"must be at most {FixedPoint.Scale}");
        return new Quantity(raw, precision);
    }

    /// <summary>Parses decimal text; the precision is the number of decimals written.</summary>
    public static Quantity Parse(string text) => Parse(text.AsSpan());

    public static Quantity Parse(ReadOnlySpan<char> text) =>
        FixedPoint.TryParse(text, out long raw, out byte decimals, out string? error)
            ? new Quantity(raw, decimals)
            : throw new FormatException($"invalid quantity '{text.ToString()}': {error}");

    /// <summary>Parses decimal text and gives it the instrument's precision; fails when the text has more decimals.</summary>
    public static Quantity Parse(ReadOnlySpan<char> text, byte precision)
    {
        Quantity parsed = Parse(text);
        return parsed.Precision <= precision
            ? new Quantity(parsed.Raw, precision)
            : throw new FormatException($"invalid quantity '{text.ToString()}': more than {precision} decimal places");
    }

    /// <summary>Parses UTF-8 wire text without allocating (unless it is invalid).</summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, byte precision, out Quantity quantity)
    {
        if (FixedPoint.TryParse(utf8, out long raw, out byte decimals, out _) && decimals <= precision && raw >= 0)
        {
            quantity = new Quantity(raw, precision);
            return true;
        }
        quantity = default;
        return false;
    }

    /// <summary>Exact conversion; throws when <paramref name="value"/> has more than <paramref name="precision"/> decimals.</summary>
    public static Quantity FromDecimal(decimal value, byte precision)
    {
        if (precision > FixedPoint.Scale) throw new ArgumentOutOfRangeException(nameof(precision), precision, $"must be at most {FixedPoint.Scale}");
        if (FixedPoint.DecimalsOf(value) > precision || !FixedPoint.TryFromDecimal(value, out long raw))
            throw new ArgumentException($"quantity {value} is not representable with {precision} decimals", nameof(value));
        return new Quantity(raw, precision);
    }

    /// <summary>Rounds to <paramref name="precision"/> decimals in the given direction, then converts.</summary>
    public static Quantity FromDecimal(decimal value, byte precision, RoundingDirection direction)
    {
        if (!FixedPoint.TryFromDecimal(decimal.Round(value, FixedPoint.Scale, MidpointRounding.ToZero), out long raw))
            throw new ArgumentOutOfRangeException(nameof(value), value, "quantity out of range");
        long increment = FixedPoint.Pow10[FixedPoint.Scale - precision];
        return new Quantity(FixedPoint.RoundToIncrement(raw, increment, direction), precision);
    }

    public decimal ToDecimal() => FixedPoint.ToDecimal(Raw);

    public bool IsZero => Raw == 0;
    public bool IsPositive => Raw > 0;

    /// <summary>A signed quantity's magnitude, e.g. of a position size.</summary>
    public static Quantity FromSignedRaw(long signedRaw, byte precision) => FromRaw(Math.Abs(signedRaw), precision);

    /// <summary>Exact value of this size at <paramref name="price"/> (size × price), in quote currency.</summary>
    public decimal NotionalAt(Price price)
    {
        Int128 product = (Int128)Raw * price.Raw; // scaled by 10^18
        return (decimal)product / 1_000_000_000_000_000_000m;
    }

    /// <summary>This quantity moved onto a multiple of <paramref name="lot"/>.</summary>
    public Quantity RoundToLot(Quantity lot, RoundingDirection direction) =>
        new(FixedPoint.RoundToIncrement(Raw, lot.Raw, direction), Precision);

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Raw + b.Raw), Math.Max(a.Precision, b.Precision));
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Raw - b.Raw), Math.Max(a.Precision, b.Precision));
    public static bool operator ==(Quantity a, Quantity b) => a.Raw == b.Raw;
    public static bool operator !=(Quantity a, Quantity b) => a.Raw != b.Raw;
    public static bool operator <(Quantity a, Quantity b) => a.Raw < b.Raw;
    public static bool operator >(Quantity a, Quantity b) => a.Raw > b.Raw;
    public static bool operator <=(Quantity a, Quantity b) => a.Raw <= b.Raw;
    public static bool operator >=(Quantity a, Quantity b) => a.Raw >= b.Raw;

    public static Quantity Min(Quantity a, Quantity b) => a.Raw <= b.Raw ? a : b;
    public static Quantity Max(Quantity a, Quantity b) => a.Raw >= b.Raw ? a : b;

    public bool Equals(Quantity other) => Raw == other.Raw;
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);
    public override int GetHashCode() => Raw.GetHashCode();
    public int CompareTo(Quantity other) => Raw.CompareTo(other.Raw);

    public override string ToString() => FixedPoint.Format(Raw, Precision);
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        FixedPoint.TryFormat(Raw, Precision, destination, out charsWritten);
}
