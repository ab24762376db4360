namespace Halyard.Core.Model;

/// <summary>One trade printed by the venue.</summary>
public readonly record struct TradeTick(
    InstrumentId InstrumentId,
    Price Price,
    Quantity Size,
    AggressorSide AggressorSide,
    string TradeId,
    long TsEvent,
    long TsInit);
