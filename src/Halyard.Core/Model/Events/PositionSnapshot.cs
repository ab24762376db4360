namespace Halyard.Core.Model;

/// <summary>A position's state at one moment, carried by the position events.</summary>
/// <param name="Entry">Side of the fill that opened the position (Buy = long).</param>
/// <param name="SignedQty">Quantity signed by side: positive long, negative short.</param>
/// <param name="PeakQuantity">Largest absolute quantity held since it opened.</param>
/// <param name="Currency">Settlement currency of PnL.</param>
/// <param name="AvgPxOpen">Exact average entry price of the open quantity.</param>
/// <param name="AvgPxClose">Exact average price of the quantity closed so far; null before any reduction.</param>
/// <param name="RealizedPnl">Realized PnL since it opened, net of commissions paid in the settlement currency.</param>
/// <param name="UnrealizedPnl">PnL of the open quantity at the last fill price.</param>
/// <param name="Commissions">Commissions paid since it opened, one entry per currency.</param>
/// <param name="DurationNs">Time from open to close; 0 while open.</param>
public sealed record PositionSnapshot(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    PositionId PositionId,
    AccountId AccountId,
    ClientOrderId OpeningOrderId,
    ClientOrderId? ClosingOrderId,
    OrderSide Entry,
    PositionSide Side,
    decimal SignedQty,
    Quantity Quantity,
    Quantity PeakQuantity,
    Quantity LastQty,
    Price LastPx,
    TradeId LastTradeId,
    Currency Currency,
    decimal AvgPxOpen,
    decimal? AvgPxClose,
    Money RealizedPnl,
    Money UnrealizedPnl,
    IReadOnlyList<Money> Commissions,
    long TsOpened,
    long? TsClosed,
    long DurationNs);
