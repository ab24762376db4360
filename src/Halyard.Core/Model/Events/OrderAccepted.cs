namespace Halyard.Core.Model;

/// <summary>The venue acknowledged the order and gave it an id; it is working.</summary>
public sealed record OrderAccepted(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId VenueOrderId,
    AccountId AccountId,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Accepted;
}
