namespace Halyard.Core.Model;

/// <summary>A cancel request was sent; the outcome is OrderCanceled or OrderCancelRejected.</summary>
public sealed record OrderPendingCancel(
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
    public OrderEventKind Kind => OrderEventKind.PendingCancel;
}
