namespace Halyard.Core.Matching;

/// <summary>
/// One position valued at the mark, with the fields of an exchange clearinghouse position.
/// <see cref="CumFundingAllTime"/> and friends are funding paid (positive = paid, negative = received).
/// </summary>
public sealed record MarginPositionSnapshot(
    string Coin,
    long SziRaw,
    decimal EntryPx,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal ReturnOnEquity,
    decimal? LiquidationPx,
    decimal MarginUsed,
    int Leverage,
    int MaxLeverage,
    decimal RealizedPnl,
    decimal CumFundingAllTime,
    decimal CumFundingSinceOpen,
    decimal CumFundingSinceChange)
{
    public decimal Szi => FixedMath.ToDecimal(SziRaw);
}
