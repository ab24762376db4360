namespace Halyard.Core.Backtest;

/// <summary>The account's value (cash plus unrealized PnL at the mark) at one moment of data time.</summary>
public readonly record struct EquityPoint(long TsNs, decimal Equity);
