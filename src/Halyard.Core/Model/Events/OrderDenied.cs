namespace Halyard.Core.Model;

/// <summary>The order was refused before it left the node (e.g. by a pre-trade risk check).</summary>
public sealed record OrderDenied(
    TraderId TraderId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    ClientOrderId ClientOrderId,
    string Reason,
    Guid EventId,
    long TsEvent,
    long TsInit) : IOrderEvent
{
    public OrderEventKind Kind => OrderEventKind.Denied;
}
