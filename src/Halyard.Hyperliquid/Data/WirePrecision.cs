using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Data;

/// <summary>
/// Gives wire values (fixed-point raw, scale 10^9) the instrument's precision. The venue writes at most that many
/// decimals, so this is exact; a value with more (stale instrument metadata) is rounded to the nearest step
/// rather than carrying digits the instrument cannot quote.
/// </summary>
internal static class WirePrecision
{
    private static readonly long[] Steps = BuildSteps();

    public static Price ToPrice(long raw, byte precision) => Price.FromRaw(Round(raw, precision), precision);

    public static Quantity ToQuantity(long raw, byte precision) => Quantity.FromRaw(Round(raw, precision), precision);

    private static long Round(long raw, byte precision)
    {
        long step = Steps[Math.Min((int)precision, Steps.Length - 1)];
        return raw % step == 0 ? raw : FixedPoint.RoundToIncrement(raw, step, RoundingDirection.Nearest);
    }

    /// <summary>Milliseconds since the epoch → nanoseconds.</summary>
    public static long MsToNs(long ms) => ms * 1_000_000L;

    private static long[] BuildSteps()
    {
        var steps = new long[FixedPoint.Scale + 1];
        long step = FixedPoint.ScaleFactor;
        for (int i = 0; i < steps.Length; i++, step /= 10) steps[i] = step;
        return steps;
    }
}
