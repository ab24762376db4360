namespace Halyard.Core.Model;

/// <summary>The order was canceled (at the venue, or locally before it was sent).</summary>
public sealed record OrderCanceled(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId,
    AccountId? AccountId,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Canceled;
}
