using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>One execution as the venue reports it, for reconciliation (keyed by <see cref="TradeId"/>, so applying twice is harmless).</summary>
public sealed record FillReport(
    AccountId AccountId,
    InstrumentId InstrumentId,
    VenueOrderId VenueOrderId,
    ClientOrderId? ClientOrderId,
    TradeId TradeId,
    OrderSide Side,
    Quantity LastQty,
    Price LastPx,
    Money Commission,
    LiquiditySide LiquiditySide,
    long TsEvent,
    long TsInit);
