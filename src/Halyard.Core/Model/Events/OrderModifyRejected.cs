namespace Halyard.Core.Model;

/// <summary>The venue refused a modify; the order keeps working unchanged.</summary>
public sealed record OrderModifyRejected(
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
    public OrderEventKind Kind => OrderEventKind.ModifyRejected;
}
