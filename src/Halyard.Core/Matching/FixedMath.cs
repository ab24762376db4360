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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal ToDecimal(long raw) => FixedPoint.ToDecimal(raw);

    /// <summary>The shortest plain decimal text of a raw value ("1891.3", "100"), as the exchange prints numbers.</summary>
    public static string Format(long raw) => Normalize(FixedPoint.ToDecimal(raw));

    public static string Normalize(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
