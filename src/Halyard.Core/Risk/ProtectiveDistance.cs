using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>
/// How far from the entry price a protective order sits. For <see cref="StopDistanceKind.AtrMultiple"/> the
/// ATR of <see cref="AtrBars"/> (period <see cref="AtrPeriod"/>) is used once warm; until then
/// <see cref="FallbackPercent"/>, so a position is never left waiting for an indicator.
/// </summary>
public sealed record ProtectiveDistance(StopDistanceKind Kind, decimal Value)
{
    /// <summary>Bars the ATR is computed from (ATR only), e.g. 1-MINUTE-LAST.</summary>
    public BarSpecification? AtrBars { get; init; }
    public int AtrPeriod { get; init; } = 14;
    /// <summary>Fraction of the entry price used while the ATR is not ready (ATR only).</summary>
    public decimal FallbackPercent { get; init; } = 0.02m;

    public static ProtectiveDistance Percent(decimal fraction) => new(StopDistanceKind.Percent, fraction);
    public static ProtectiveDistance Absolute(decimal distance) => new(StopDistanceKind.Absolute, distance);
    public static ProtectiveDistance Atr(decimal multiple, BarSpecification bars, int period = 14) =>
        new(StopDistanceKind.AtrMultiple, multiple) { AtrBars = bars, AtrPeriod = period };

    /// <summary>Throws <see cref="ArgumentException"/> naming the field (prefixed with <paramref name="prefix"/>).</summary>
    public void Validate(string prefix)
    {
        if (!Enum.IsDefined(Kind)) throw new ArgumentException($"{prefix}.{nameof(Kind)} {Kind} is not a distance kind", $"{prefix}.{nameof(Kind)}");
        if (Value <= 0) throw new ArgumentException($"{prefix}.{nameof(Value)} must be positive, was {Value}", $"{prefix}.{nameof(Value)}");
        if (Kind == StopDistanceKind.Percent && Value >= 1)
            throw new ArgumentException($"{prefix}.{nameof(Value)} is a fraction of the entry price (0.02 = 2 %) and must be below 1, was {Value}", $"{prefix}.{nameof(Value)}");
        if (Kind != StopDistanceKind.AtrMultiple) return;
        if (AtrBars is null) throw new ArgumentException($"{prefix}.{nameof(AtrBars)} is required for an ATR distance", $"{prefix}.{nameof(AtrBars)}");
        if (AtrPeriod is < 1 or > 1000) throw new ArgumentException($"{prefix}.{nameof(AtrPeriod)} must be between 1 and 1000, was {AtrPeriod}", $"{prefix}.{nameof(AtrPeriod)}");
        if (FallbackPercent is <= 0 or >= 1)
            throw new ArgumentException($"{prefix}.{nameof(FallbackPercent)} must be a fraction between 0 and 1, was {FallbackPercent}", $"{prefix}.{nameof(FallbackPercent)}");
    }

    public override string ToString() => Kind switch
    {
        StopDistanceKind.Percent => $"{Value:P2}",
        StopDistanceKind.Absolute => $"{Value} absolute",
        _ => $"{Value} × ATR({AtrPeriod}) of {AtrBars}",
    };
}
