namespace Halyard.Core.Model;

/// <summary>The venue applied a modify. Quantity, Price and TriggerPrice are the order's new values; VenueOrderId, when given, replaces the old one (some venues assign a new id on modify).</summary>
public sealed record OrderUpdated(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId,
    AccountId? AccountId,
    Quantity Quantity,
    Price? Price,
    Price? TriggerPrice,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Updated;
}
