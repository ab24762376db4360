namespace Halyard.Core.Model;

/// <summary>Something that happened to an order; applied in order by <see cref="Order.Apply"/>.</summary>
public interface IOrderEvent
{
    TraderId TraderId { get; }
    StrategyId StrategyId { get; }
    InstrumentId InstrumentId { get; }
    ClientOrderId ClientOrderId { get; }
    /// <summary>Which event this is, for the state machine's table.</summary>
    OrderEventKind Kind { get; }
    Guid EventId { get; }
    /// <summary>When it happened (at the venue for venue events), ns since the Unix epoch.</summary>
    long TsEvent { get; }
    /// <summary>When we created this object, ns since the Unix epoch.</summary>
    long TsInit { get; }
}
