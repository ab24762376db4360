namespace Halyard.Core.Model;

/// <summary>An order was created locally; carries every field needed to rebuild it (<see cref="Order(OrderInitialized)"/>).</summary>
public sealed record OrderInitialized : IOrderEvent
{
    public required TraderId TraderId { get; init; }
    public required StrategyId StrategyId { get; init; }
    public required InstrumentId InstrumentId { get; init; }
    public required ClientOrderId ClientOrderId { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType OrderType { get; init; }
    public required Quantity Quantity { get; init; }
    /// <summary>Limit price; required for Limit, StopLimit and LimitIfTouched, absent otherwise.</summary>
    public Price? Price { get; init; }
    /// <summary>Trigger price; required for stop and if-touched orders, absent otherwise.</summary>
    public Price? TriggerPrice { get; init; }
    public TriggerType TriggerType { get; init; } = TriggerType.Default;
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;
    /// <summary>Expiry (ns since epoch); required with <see cref="TimeInForce.Gtd"/>, absent otherwise.</summary>
    public long? ExpireTimeNs { get; init; }
    public bool PostOnly { get; init; }
    public bool ReduceOnly { get; init; }
    /// <summary>For market orders: the worst price accepted, as a fraction away from the reference price (0.05 = 5%).</summary>
    public decimal? SlippagePct { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public required Guid EventId { get; init; }
    public required long TsInit { get; init; }

    public OrderEventKind Kind => OrderEventKind.Initialized;
    /// <summary>Same as <see cref="TsInit"/>: the order came into being when we created it.</summary>
    public long TsEvent => TsInit;
}
