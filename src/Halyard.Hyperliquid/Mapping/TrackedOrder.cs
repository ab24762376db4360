using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Mapping;

/// <summary>
/// What the execution client knows about one of its orders at the venue. A modify on Hyperliquid cancels the
/// venue order and places a new one under the same cloid, so an order can own several oids over its life;
/// fills on any of them count toward the same order.
/// </summary>
public sealed class TrackedOrder
{
    internal TrackedOrder(Order order, HyperliquidMarket market, string cloid)
    {
        TraderId = order.TraderId;
        StrategyId = order.StrategyId;
        ClientOrderId = order.ClientOrderId;
        Market = market;
        Cloid = cloid;
        Side = order.Side;
        OrderType = order.OrderType;
        Quantity = order.Quantity;
        Price = order.Price;
        TriggerPrice = order.TriggerPrice;
        IsTriggerOrder = order.HasTrigger;
        ReduceOnly = order.ReduceOnly;
        PostOnly = order.PostOnly;
        TimeInForce = order.TimeInForce;
        SlippagePct = order.SlippagePct;
    }

    public TraderId TraderId { get; }
    public StrategyId StrategyId { get; }
    public ClientOrderId ClientOrderId { get; }
    public HyperliquidMarket Market { get; }
    public InstrumentId InstrumentId => Market.InstrumentId;
    /// <summary>0x + 32 lowercase hex digits.</summary>
    public string Cloid { get; }
    public OrderSide Side { get; }
    public OrderType OrderType { get; }
    public bool IsTriggerOrder { get; }
    public bool ReduceOnly { get; }
    public bool PostOnly { get; }
    public TimeInForce TimeInForce { get; }
    /// <summary>The order's own slippage bound for market-style orders (a fraction); null uses the client's default.</summary>
    public decimal? SlippagePct { get; }
    public Quantity Quantity { get; internal set; }
    public Price? Price { get; internal set; }
    public Price? TriggerPrice { get; internal set; }

    /// <summary>The live venue order id; null until the venue names it.</summary>
    public ulong? Oid { get; internal set; }
    /// <summary>Every oid this order ever had (replaced ones included), for matching late fills.</summary>
    internal HashSet<ulong> Oids { get; } = [];
    /// <summary>Oids canceled by our own modify: their cancel is not the order's cancel.</summary>
    internal HashSet<ulong> ReplacedOids { get; } = [];
    /// <summary>The size the live oid was placed with; with fills on older oids it bounds what can still fill.</summary>
    internal decimal VenueSize { get; set; }
    internal decimal FilledOnLiveOid { get; set; }

    public bool IsAccepted { get; internal set; }
    public bool IsTriggered { get; internal set; }
    /// <summary>Done at the venue: filled, canceled or rejected. Late fills are still applied.</summary>
    public bool IsClosed { get; internal set; }
    public decimal Filled { get; internal set; }
    public decimal Leaves => Quantity.ToDecimal() - Filled;

    internal PendingModify? Pending { get; set; }
    internal bool CancelRequested { get; set; }

    internal sealed record PendingModify(ulong? OldOid, Quantity Quantity, Price? Price, Price? TriggerPrice, decimal SentSize);

    public override string ToString() => $"{ClientOrderId} ({Cloid}) oid={Oid} filled={Filled}/{Quantity}{(IsClosed ? " closed" : "")}";
}
