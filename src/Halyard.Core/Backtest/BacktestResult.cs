namespace Halyard.Core.Backtest;

/// <summary>
/// What a run produced. Money is exact (decimal); the ratios (drawdown %, Sharpe) are statistics and
/// computed in double from the exact equity curve.
/// </summary>
public sealed record BacktestResult
{
    public required long StartNs { get; init; }
    public required long EndNs { get; init; }
    /// <summary>Data time of the first and last replayed event (0 when none).</summary>
    public required long FirstEventNs { get; init; }
    public required long LastEventNs { get; init; }
    public required long Events { get; init; }
    public required IReadOnlyList<string> Instruments { get; init; }
    public required IReadOnlyList<string> Strategies { get; init; }
    public required decimal StartingBalance { get; init; }
    public required decimal FinalEquity { get; init; }
    /// <summary>Final equity minus the starting balance: realized + unrealized − fees − funding.</summary>
    public decimal Pnl => FinalEquity - StartingBalance;
    public required decimal RealizedPnl { get; init; }
    public required decimal Fees { get; init; }
    public required decimal FundingPaid { get; init; }
    /// <summary>Largest fall of the equity curve from a previous peak, in money.</summary>
    public required decimal MaxDrawdown { get; init; }
    /// <summary>The same as a fraction of that peak.</summary>
    public required double MaxDrawdownPct { get; init; }
    /// <summary>Annualized Sharpe ratio of the equity curve's per-sample returns (risk-free rate 0), 0 when undefined.</summary>
    public required double Sharpe { get; init; }
    public required int Liquidations { get; init; }
    public required IReadOnlyList<BacktestFill> Fills { get; init; }
    public required IReadOnlyList<BacktestOrderRecord> Orders { get; init; }
    public required IReadOnlyList<BacktestPositionRecord> Positions { get; init; }
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }
}
