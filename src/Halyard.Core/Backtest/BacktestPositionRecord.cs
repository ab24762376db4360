namespace Halyard.Core.Backtest;

/// <summary>A position at the end of the run, as the venue's ledger holds it (signed size, exact money).</summary>
public sealed record BacktestPositionRecord(
    string Instrument,
    decimal SignedQuantity,
    decimal EntryPrice,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Funding);
