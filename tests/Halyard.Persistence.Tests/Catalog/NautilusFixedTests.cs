using Halyard.Persistence.Catalog.Codecs;

namespace Halyard.Persistence.Tests.Catalog;

public class NautilusFixedTests
{
    public static TheoryData<long> Raws() =>
    [
        0, 1, -1, 95_000_000_000_000, -95_000_000_000_000, 922_337_203_685, -922_337_203_685,
        long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, 123_456_789, -987_654_321_012,
    ];

    [Theory]
    [MemberData(nameof(Raws))]
    public void A_value_written_reads_back_the_same_raw_from_its_halves_and_as_int128(long raw)
    {
        Int128 stored = NautilusFixed.FromRaw(raw);
        NautilusFixed.TryToRaw(stored, out long fromInt128).ShouldBeTrue();
        fromInt128.ShouldBe(raw);
        NautilusFixed.TryToRaw((ulong)stored, (ulong)(stored >> 64), out long fromHalves).ShouldBeTrue();
        fromHalves.ShouldBe(raw);
    }

    [Theory]
    [MemberData(nameof(Raws))]
    public void A_value_with_more_than_nine_decimals_or_beyond_64_bits_is_refused(long raw)
    {
        Int128 stored = NautilusFixed.FromRaw(raw);
        foreach (Int128 bad in new[] { stored + 1, stored - 1, stored + 5_000_000, stored + ((Int128)1 << 100), stored - ((Int128)1 << 90) })
        {
            NautilusFixed.TryToRaw(bad, out _).ShouldBeFalse($"{bad}");
            NautilusFixed.TryToRaw((ulong)bad, (ulong)(bad >> 64), out _).ShouldBeFalse($"{bad}");
        }
        Int128 overflow = (Int128)long.MaxValue * NautilusFixed.Factor + NautilusFixed.Factor; // (max + 1) * 10^7
        NautilusFixed.TryToRaw(overflow, out _).ShouldBeFalse();
    }
}
