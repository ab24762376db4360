namespace Halyard.Core.Model;

/// <summary>A modify request was sent; the outcome is OrderUpdated or OrderModifyRejected.</summary>
public sealed record OrderPendingUpdate(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId,
    AccountId AccountId,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.PendingUpdate;
}
