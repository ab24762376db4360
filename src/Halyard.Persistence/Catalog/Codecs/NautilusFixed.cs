using System.Runtime.CompilerServices;
using Halyard.Core.Model;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>
/// NautilusTrader's high-precision fixed point: a 128-bit integer scaled by 10^16, stored as 16
/// little-endian bytes. Ours is a 64-bit integer scaled by 10^9, so the factor between them is 10^7.
/// </summary>
internal static class NautilusFixed
{
    public const int Scale = 16;
    public const long Factor = 10_000_000L; // 10^(16 - 9)

    // Exact division by 10^7 = 2^7 * 5^7: shift out 2^7, then multiply by 5^7's inverse modulo 2^64.
    private const ulong InverseOf5Pow7 = 0xE5032477AE8D46A5UL; // 78125 * this ≡ 1 (mod 2^64), checked in the static constructor

    static NautilusFixed()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the catalog's fixed-point columns assume a little-endian machine");
        if (unchecked(78125UL * InverseOf5Pow7) != 1UL) throw new InvalidOperationException("bad modular inverse");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 FromRaw(long raw) => Math.BigMul(raw, Factor);

    /// <summary>Our raw value of a 10^16-scaled integer; false when it has more than 9 decimals or overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryToRaw(Int128 value, out long raw) => TryToRaw((ulong)value, (ulong)(value >> 64), out raw);

    /// <summary>The same on the two little-endian halves, as the reader finds them in a column page (no 128-bit arithmetic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryToRaw(ulong low, ulong high, out long raw)
    {
        ulong shifted = (low >> 7) | (high << 57);
        raw = unchecked((long)(shifted * InverseOf5Pow7));
        // Exact only if raw * 10^7 gives the 128 bits back: the unsigned product, its high half corrected for a negative raw.
        ulong productHigh = Math.BigMul(unchecked((ulong)raw), (ulong)Factor, out ulong productLow);
        if (raw < 0) productHigh -= (ulong)Factor;
        return productLow == low && productHigh == high;
    }

    public static long ToRaw(Int128 value, string column, string path)
    {
        if (TryToRaw(value, out long raw)) return raw;
        throw new CatalogFormatException(path, $"column '{column}' holds {value}, which is not representable with {FixedPoint.Scale} decimals in 64 bits");
    }
}
