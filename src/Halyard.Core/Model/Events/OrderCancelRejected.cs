namespace Halyard.Core.Model;

/// <summary>The venue refused a cancel (often because the order already filled); the order is unchanged.</summary>
public sealed record OrderCancelRejected(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId,
    AccountId? AccountId,
    string Reason,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.CancelRejected;
}
