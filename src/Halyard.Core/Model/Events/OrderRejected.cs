namespace Halyard.Core.Model;

/// <summary>The venue refused the order.</summary>
public sealed record OrderRejected(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    AccountId AccountId,
    string Reason,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Rejected;
}
