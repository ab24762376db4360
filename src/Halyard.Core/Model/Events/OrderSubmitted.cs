namespace Halyard.Core.Model;

/// <summary>The order was sent to the venue.</summary>
public sealed record OrderSubmitted(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    AccountId AccountId,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Submitted;
}
