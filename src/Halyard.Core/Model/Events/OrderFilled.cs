namespace Halyard.Core.Model;

/// <summary>The order traded <see cref="LastQty"/> at <see cref="LastPx"/>. One event per venue execution (<see cref="TradeId"/>).</summary>
/// <param name="PositionId">The position the fill belongs to, when known (the engine fills it in for netting).</param>
/// <param name="Commission">Fee paid; negative for a rebate.</param>
public sealed record OrderFilled(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId VenueOrderId,
    AccountId AccountId,
    TradeId TradeId,
    PositionId? PositionId,
    OrderSide OrderSide,
    OrderType OrderType,
    Quantity LastQty,
    Price LastPx,
    Currency Currency,
    Money Commission,
    LiquiditySide LiquiditySide,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Filled;

    public bool IsBuy => OrderSide == OrderSide.Buy;
}
