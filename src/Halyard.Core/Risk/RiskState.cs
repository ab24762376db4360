using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>What the kill switch must remember across a restart: the trading state and the equity marks it measures losses from.</summary>
/// <param name="DayStartNs">Start (00:00 UTC) of the day <paramref name="DayStartEquity"/> belongs to.</param>
public sealed record RiskState(
    TradingState TradingState,
    string Reason,
    decimal? PeakEquity,
    decimal? DayStartEquity,
    long DayStartNs,
    long TsEvent);
