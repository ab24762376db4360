using Halyard.Core.Execution;

namespace Halyard.Core.Model;

/// <summary>
/// An order and everything that happened to it. Built from its <see cref="OrderInitialized"/> event and
/// changed only through <see cref="Apply"/>, so replaying the events rebuilds the same order.
/// </summary>
public sealed partial class Order
{
    private readonly List<IOrderEvent> _events = [];
    private readonly HashSet<TradeId> _tradeIds = [];
    private readonly List<VenueOrderId> _venueOrderIds = [];
    private readonly Dictionary<Currency, decimal> _commissions = [];
    private decimal _filledNotional; // Σ lastQty × lastPx, exact
    private OrderStatus _underlyingStatus; // the status beneath a pending one

    /// <summary>Creates the order; throws <see cref="ArgumentException"/> naming the field when the order is not valid (see <see cref="ValidationError"/>).</summary>
    public Order(OrderInitialized init)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (ValidationError(init) is { } error) throw new ArgumentException(error.Message, error.Field);
        Init = init;
        Quantity = init.Quantity;
        Price = init.Price;
        TriggerPrice = init.TriggerPrice;
        FilledQty = Quantity.Zero(init.Quantity.Precision);
        LeavesQty = init.Quantity;
        Status = _underlyingStatus = OrderStatus.Initialized;
        TsLast = init.TsInit;
        _events.Add(init);
    }

    /// <summary>Rebuilds an order from its events (the first must be its <see cref="OrderInitialized"/>), e.g. from a cache.</summary>
    /// <exception cref="ArgumentException">An event cannot be applied: the history is inconsistent.</exception>
    public static Order FromEvents(IEnumerable<IOrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using IEnumerator<IOrderEvent> e = events.GetEnumerator();
        if (!e.MoveNext() || e.Current is not OrderInitialized init)
            throw new ArgumentException("an order's events must start with OrderInitialized", nameof(events));
        var order = new Order(init);
        while (e.MoveNext())
        {
            OrderTransitionResult result = order.Apply(e.Current);
            if (result.IsInvalid) throw new ArgumentException(result.Error, nameof(events));
        }
        return order;
    }

    /// <summary>The event the order was created from.</summary>
    public OrderInitialized Init { get; }

    public TraderId TraderId => Init.TraderId;
    public StrategyId StrategyId => Init.StrategyId;
    public InstrumentId InstrumentId => Init.InstrumentId;
    public ClientOrderId ClientOrderId => Init.ClientOrderId;
    public OrderSide Side => Init.Side;
    public OrderType OrderType => Init.OrderType;
    public TriggerType TriggerType => Init.TriggerType;
    public TimeInForce TimeInForce => Init.TimeInForce;
    public long? ExpireTimeNs => Init.ExpireTimeNs;
    public bool PostOnly => Init.PostOnly;
    public bool ReduceOnly => Init.ReduceOnly;
    public decimal? SlippagePct => Init.SlippagePct;
    public IReadOnlyList<string>? Tags => Init.Tags;
    public long TsInit => Init.TsInit;

    /// <summary>The current venue id (a modify may replace it; <see cref="VenueOrderIds"/> keeps them all).</summary>
    public VenueOrderId? VenueOrderId { get; private set; }
    public AccountId? AccountId { get; private set; }
    /// <summary>The position of the last fill that named one.</summary>
    public PositionId? PositionId { get; private set; }

    /// <summary>Order quantity (a modify may change it).</summary>
    public Quantity Quantity { get; private set; }
    public Price? Price { get; private set; }
    public Price? TriggerPrice { get; private set; }

    public OrderStatus Status { get; private set; }
    public Quantity FilledQty { get; private set; }
    /// <summary>Quantity − FilledQty; what is still working unless the order is closed.</summary>
    public Quantity LeavesQty { get; private set; }
    /// <summary>Exact volume-weighted average fill price; null before the first fill.</summary>
    public decimal? AvgPx => FilledQty.IsZero ? null : _filledNotional / FilledQty.ToDecimal();
    /// <summary>TsEvent of the last applied event.</summary>
    public long TsLast { get; private set; }
    public bool IsTriggered { get; private set; }

    /// <summary>Every applied event, oldest first (duplicates and invalid events are not recorded).</summary>
    public IReadOnlyList<IOrderEvent> Events => _events;
    public IReadOnlyCollection<TradeId> TradeIds => _tradeIds;
    public IReadOnlyList<VenueOrderId> VenueOrderIds => _venueOrderIds;
    /// <summary>Commissions paid so far by currency (negative for rebates).</summary>
    public IReadOnlyDictionary<Currency, decimal> Commissions => _commissions;

    public bool IsBuy => Side == OrderSide.Buy;
    public bool IsSell => Side == OrderSide.Sell;
    /// <summary>Working at the venue: Accepted, Triggered, PartiallyFilled, or pending an update or cancel.</summary>
    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.Triggered or OrderStatus.PartiallyFilled
        or OrderStatus.PendingUpdate or OrderStatus.PendingCancel;
    /// <summary>Sent, and waiting for the venue to answer a request.</summary>
    public bool IsInflight => Status is OrderStatus.Submitted or OrderStatus.PendingUpdate or OrderStatus.PendingCancel;
    /// <summary>Done: Denied, Rejected, Canceled, Expired or Filled (a late fill may still be applied to Canceled/Expired).</summary>
    public bool IsClosed => OrderStateMachine.IsTerminal(Status);
    /// <summary>Stop and if-touched orders, which wait for a trigger price.</summary>
    public bool HasTrigger => HasTriggerPrice(OrderType);

    public override string ToString() =>
        $"Order({ClientOrderId}, {Side} {Quantity} {InstrumentId} {OrderType}{(Price is { } p ? $" @ {p}" : "")}, {OrderStateMachine.Name(Status)}, filled {FilledQty})";
}
