using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Core.Node;

namespace Halyard.Core.Backtest;

/// <summary>Builds a <see cref="BacktestResult"/> from a finished run: fills and ledger from the venue, orders from the kernel's cache.</summary>
internal static class BacktestResults
{
    private const double NsPerYear = 365.0 * 24 * 3600 * 1e9;

    public static BacktestResult Build(BacktestConfig config, TradingKernel kernel, SimulatedVenue venue, List<EquityPoint> equity,
        long events, long first, long last)
    {
        MarginAccountSnapshot account = venue.AccountSnapshot();
        var orders = kernel.Cache.Orders()
            .Select(o => new BacktestOrderRecord(o.TsInit, o.InstrumentId, o.StrategyId, o.ClientOrderId, o.Side, o.OrderType,
                o.Quantity.ToDecimal(), o.Price?.ToDecimal(), o.TriggerPrice?.ToDecimal(), o.FilledQty.ToDecimal(),
                o.AvgPx is decimal avg ? Math.Round(avg, 12, MidpointRounding.ToEven) : null, o.Status, o.TsLast))
            .ToList();
        var positions = account.Positions
            .Select(p => new BacktestPositionRecord(p.Coin, p.Szi, p.EntryPx, p.UnrealizedPnl, p.RealizedPnl, p.CumFundingAllTime))
            .ToList();
        (decimal drawdown, double drawdownPct) = MaxDrawdown(equity);
        return new BacktestResult
        {
            StartNs = config.StartNs,
            EndNs = config.EndNs,
            FirstEventNs = first,
            LastEventNs = last,
            Events = events,
            Instruments = [.. config.Instruments.Select(i => i.Id.ToString())],
            Strategies = [.. config.Strategies.Select(s => s.Id.Value)],
            StartingBalance = config.StartingBalance,
            FinalEquity = account.AccountValue,
            RealizedPnl = venue.Fills.Sum(f => f.RealizedPnl),
            Fees = venue.Fills.Sum(f => f.Fee),
            FundingPaid = venue.FundingPaid,
            MaxDrawdown = drawdown,
            MaxDrawdownPct = drawdownPct,
            Sharpe = Sharpe(equity, config.EquitySampleIntervalNs),
            Liquidations = venue.Liquidations,
            Fills = [.. venue.Fills],
            Orders = orders,
            Positions = positions,
            EquityCurve = [.. equity],
        };
    }

    internal static (decimal Amount, double Pct) MaxDrawdown(IReadOnlyList<EquityPoint> equity)
    {
        decimal peak = decimal.MinValue, worst = 0m;
        double worstPct = 0;
        foreach (EquityPoint p in equity)
        {
            if (p.Equity > peak) peak = p.Equity;
            decimal fall = peak - p.Equity;
            if (fall > worst) worst = fall;
            if (peak > 0 && (double)(fall / peak) > worstPct) worstPct = (double)(fall / peak);
        }
        return (worst, worstPct);
    }

    /// <summary>Mean over standard deviation of per-sample returns, scaled to a year of samples.</summary>
    internal static double Sharpe(IReadOnlyList<EquityPoint> equity, long intervalNs)
    {
        if (equity.Count < 3) return 0;
        var returns = new List<double>(equity.Count - 1);
        for (int i = 1; i < equity.Count; i++)
            if (equity[i - 1].Equity > 0) returns.Add((double)(equity[i].Equity / equity[i - 1].Equity - 1m));
        if (returns.Count < 2) return 0;
        double mean = returns.Average();
        double variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        if (variance <= 0) return 0;
        return Math.Round(mean / Math.Sqrt(variance) * Math.Sqrt(NsPerYear / intervalNs), 6);
    }
}
