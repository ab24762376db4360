namespace Halyard.Core.Model;

/// <summary>A stop or if-touched order's trigger price was reached; it now works as a market or limit order.</summary>
public sealed record OrderTriggered(
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
    public OrderEventKind Kind => OrderEventKind.Triggered;
}
