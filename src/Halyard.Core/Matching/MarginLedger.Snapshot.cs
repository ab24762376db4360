namespace Halyard.Core.Matching;

public sealed partial class MarginLedger
{
    /// <summary>The account valued at the current marks, with one entry per open position.</summary>
    public MarginAccountSnapshot Snapshot(string account)
    {
        if (!_accounts.TryGetValue(account, out MarginAccount? state))
            return new MarginAccountSnapshot(account, 0m, 0m, 0m, 0m, 0m, 0m, []);
        decimal accountValue = FixedMath.FromWad(AccountValueWad(state));
        decimal maintenance = MaintenanceMargin(state);
        decimal totalNtl = 0m, signedNtl = 0m, marginUsed = 0m;
        var positions = new List<MarginPositionSnapshot>();
        foreach (MarginPosition p in state.Touched)
        {
            if (p.SziRaw == 0) continue;
            long mark = p.Market.ValuationPxRaw;
            decimal value = FixedMath.FromWad(p.PositionValueWad(mark));
            decimal margin = value / p.Leverage;
            decimal upnl = FixedMath.FromWad(p.UnrealizedPnlWad(mark));
            totalNtl += value;
            signedNtl += p.SziRaw > 0 ? value : -value;
            marginUsed += margin;
            positions.Add(new MarginPositionSnapshot(
                p.Market.Coin, p.SziRaw, p.EntryPx, value, upnl, margin == 0 ? 0m : upnl / margin,
                LiquidationPx(p, accountValue, maintenance), margin, p.Leverage, p.Market.Instrument.MaxLeverage,
                FixedMath.FromWad(p.RealizedPnlWad), p.CumFundingAllTime, p.CumFundingSinceOpen, p.CumFundingSinceChange));
        }
        return new MarginAccountSnapshot(account, accountValue, totalNtl, accountValue - signedNtl, marginUsed, maintenance,
            FixedMath.FromWad(WithdrawableWad(state)), positions);
    }

    /// <summary>Maintenance margin in decimal (Σ position value × maintenance fraction).</summary>
    internal static decimal MaintenanceMargin(MarginAccount account)
    {
        decimal margin = 0m;
        foreach (MarginPosition p in account.Touched)
            if (p.SziRaw != 0) margin += FixedMath.FromWad(p.PositionValueWad(p.Market.ValuationPxRaw)) * p.Market.MaintenanceFraction;
        return margin;
    }

    /// <summary>
    /// The mark at which account value meets maintenance margin with every other mark held:
    /// AV + s·(p − m) = MM_other + |s|·p·f  ⇒  p = (MM_other − AV + s·m) / (s − |s|·f); null when ≤ 0.
    /// </summary>
    private static decimal? LiquidationPx(MarginPosition p, decimal accountValue, decimal maintenance)
    {
        decimal s = FixedMath.ToDecimal(p.SziRaw);
        decimal mark = FixedMath.ToDecimal(p.Market.ValuationPxRaw);
        decimal f = p.Market.MaintenanceFraction;
        decimal otherMaintenance = maintenance - FixedMath.FromWad(p.PositionValueWad(p.Market.ValuationPxRaw)) * f;
        decimal denominator = s - Math.Abs(s) * f;
        if (denominator == 0) return null;
        decimal px = (otherMaintenance - accountValue + s * mark) / denominator;
        return px > 0 ? px : null;
    }
}
