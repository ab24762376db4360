namespace Halyard.Core.Matching;

/// <summary>Settings of a <see cref="MatchingEngine"/>; the defaults follow the exchange.</summary>
public sealed record MatchingOptions
{
    /// <summary>Leverage of a coin an account has not set (clamped to the instrument's maximum).</summary>
    public int DefaultLeverage { get; init; } = 20;

    /// <summary>Open orders (resting plus waiting trigger orders) allowed per account.</summary>
    public int MaxOpenOrdersPerAccount { get; init; } = 1000;

    /// <summary>
    /// Maintenance margin as a fraction of notional for every coin; null uses the instrument's
    /// MarginMaint, or half the initial margin at max leverage when that is zero.
    /// </summary>
    public decimal? MaintenanceMarginFraction { get; init; }

    /// <summary>
    /// Decimals every cash flow (fee, realized PnL, funding) is rounded to before it is booked
    /// (USDC: 6). Keeps balances exact sums, whatever the order of additions.
    /// </summary>
    public int SettlementDecimals { get; init; } = 6;

    /// <summary>First order id handed out; ids then increase by one.</summary>
    public long FirstOid { get; init; } = 1;

    /// <summary>First trade id handed out; ids then increase by one.</summary>
    public long FirstTradeId { get; init; } = 1;

    public void Validate()
    {
        if (DefaultLeverage < 1) throw new ArgumentOutOfRangeException(nameof(DefaultLeverage), DefaultLeverage, "must be at least 1");
        if (MaxOpenOrdersPerAccount < 1) throw new ArgumentOutOfRangeException(nameof(MaxOpenOrdersPerAccount), MaxOpenOrdersPerAccount, "must be at least 1");
        if (MaintenanceMarginFraction is < 0m or >= 1m)
            throw new ArgumentOutOfRangeException(nameof(MaintenanceMarginFraction), MaintenanceMarginFraction, "must be in [0, 1)");
        if (SettlementDecimals is < 0 or > 18) throw new ArgumentOutOfRangeException(nameof(SettlementDecimals), SettlementDecimals, "must be between 0 and 18");
        if (FirstOid < 1) throw new ArgumentOutOfRangeException(nameof(FirstOid), FirstOid, "must be positive");
        if (FirstTradeId < 1) throw new ArgumentOutOfRangeException(nameof(FirstTradeId), FirstTradeId, "must be positive");
    }
}
