using System.Globalization;
using System.Runtime.CompilerServices;
using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>Exact conversions between raw fixed-point values (10^9) and decimal money.</summary>
internal static class FixedMath
{
    private const decimal RawProductScale = 1_000_000_000_000_000_000m;

    /// <summary>size × price as an exact decimal (raw product is scaled by 10^18).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Notional(long szRaw, long pxRaw)
    {
        Int128 product = (Int128)szRaw * pxRaw;
        bool negative = product < 0;
        UInt128 magnitude = (UInt128)(negative ? -product : product);
        // Fits in decimal's 96-bit mantissa for any realistic size and price: build it directly.
        if (magnitude >> 96 == 0)
        {
            ulong low = (ulong)magnitude;
            return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)(magnitude >> 64), negative, 18);
        }
        return (decimal)product / RawProductScale;
    }

    /// <summary>A raw order notional (10^18) kept in integers for cheap reservation bookkeeping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 RawNotional(long szRaw, long pxRaw) => (Int128)szRaw * pxRaw;

    public static decimal FromRawNotional(Int128 raw)
    {
        bool negative = raw < 0;
        UInt128 magnitude = (UInt128)(negative ? -raw : raw);
        if (magnitude >> 96 == 0)
        {
            ulong low = (ulong)magnitude;
            return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)(magnitude >> 64), negative, 18);
        }
        return (decimal)raw / RawProductScale;
    }

    /// <summary>One unit of quote currency as a "wad": money is kept as Int128 scaled by 10^18 on hot paths.</summary>
    public static readonly Int128 Wad = 1_000_000_000_000_000_000L;

    private static readonly Int128[] Powers = BuildPowers();

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[37];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++) powers[i] = powers[i - 1] * 10;
        return powers;
    }

    /// <summary>10^n as Int128 for 0 ≤ n ≤ 36.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Pow10(int n) => Powers[n];

    /// <summary>An exact decimal amount as a wad; throws when it has more than 18 decimals.</summary>
    public static Int128 ToWad(decimal amount)
    {
        // Integer and fraction apart: amount × 10^18 in one decimal would overflow above ~7.9e10.
        decimal integer = decimal.Truncate(amount);
        decimal fraction = (amount - integer) * 1_000_000_000_000_000_000m;
        if (fraction != decimal.Truncate(fraction)) throw new ArgumentException($"amount {amount} has more than 18 decimals", nameof(amount));
        return (Int128)integer * Wad + (Int128)fraction;
    }

    public static decimal FromWad(Int128 wad) => FromRawNotional(wad);

    /// <summary>A wad that is a multiple of 10^(18 − decimals) as a decimal with exactly that many decimals.</summary>
    public static decimal FromSettled(Int128 wad, int decimals)
    {
        if (wad == 0) return 0m;
        Int128 units = wad / Powers[18 - decimals];
        bool negative = units < 0;
        UInt128 magnitude = (UInt128)(negative ? -units : units);
        if (magnitude >> 96 != 0) return FromWad(wad);
        ulong low = (ulong)magnitude;
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)(magnitude >> 64), negative, (byte)decimals);
    }

    /// <summary>value / divisor rounded half to even (divisor &gt; 0).</summary>
    public static Int128 RoundDiv(Int128 value, Int128 divisor)
    {
        Int128 quotient = Int128.DivRem(value, divisor).Quotient;
        Int128 remainder = value - quotient * divisor;
        if (remainder == 0) return quotient;
        Int128 twice = 2 * (remainder < 0 ? -remainder : remainder);
        int sign = value < 0 ? -1 : 1;
        if (twice > divisor || (twice == divisor && (quotient & 1) != 0)) quotient += sign;
        return quotient;
    }

    /// <summary>a × b / c for a ≥ 0 and 0 &lt; b ≤ c without overflowing the intermediate product (truncates).</summary>
    public static Int128 MulDiv(Int128 a, long b, long c)
    {
        Int128 q = a / c;
        Int128 r = a - q * c;
        return q * b + r * b / c;
    }

    /// <summary>⌈a / b⌉ for a ≥ 0, b &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 CeilDiv(Int128 a, int b) => (a + (b - 1)) / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal ToDecimal(long raw) => FixedPoint.ToDecimal(raw);

    /// <summary>The shortest plain decimal text of a raw value ("1891.3", "100"), as the exchange prints numbers.</summary>
    public static string Format(long raw) => Normalize(FixedPoint.ToDecimal(raw));

    public static string Normalize(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
