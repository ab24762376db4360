using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Orders;

/// <summary>Builds the events a venue would send for one order, with the order's ids filled in.</summary>
internal sealed class OrderEvents(Order order)
{
    public static readonly AccountId Account = new("VENUE-0xabc");
    private long _ts = order.TsInit;

    private long Next() => _ts += 1_000;

    public OrderSubmitted Submitted() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderDenied Denied(string reason = "risk") => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, reason, Guid.NewGuid(), Next(), _ts);
    public OrderAccepted Accepted(string venueOrderId = "V-1") =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, new VenueOrderId(venueOrderId), Account, Guid.NewGuid(), Next(), _ts);
    public OrderRejected Rejected(string reason = "insufficient margin") =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, Account, reason, Guid.NewGuid(), Next(), _ts);
    public OrderCanceled Canceled() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderExpired Expired() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderTriggered Triggered() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderPendingUpdate PendingUpdate() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderPendingCancel PendingCancel() => new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, Guid.NewGuid(), Next(), _ts);
    public OrderModifyRejected ModifyRejected(string reason = "cannot modify") =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, reason, Guid.NewGuid(), Next(), _ts);
    public OrderCancelRejected CancelRejected(string reason = "already filled") =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Account, reason, Guid.NewGuid(), Next(), _ts);
    public OrderUpdated Updated(string quantity, string? price = null, string? venueOrderId = null) =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, venueOrderId is null ? null : new VenueOrderId(venueOrderId), Account,
            Quantity.Parse(quantity), price is null ? null : Price.Parse(price), null, Guid.NewGuid(), Next(), _ts);

    public OrderFilled Filled(string quantity, string price, string tradeId, decimal commission = 0m, OrderSide? side = null) =>
        new(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId ?? new VenueOrderId("V-1"), Account,
            new TradeId(tradeId), null, side ?? order.Side, order.OrderType, Quantity.Parse(quantity), Price.Parse(price), Currency.Usdc,
            new Money(commission, Currency.Usdc), LiquiditySide.Taker, Guid.NewGuid(), Next(), _ts);

    /// <summary>One event of <paramref name="kind"/> (fills are partial: 0.1 of the order).</summary>
    public IOrderEvent Of(OrderEventKind kind, bool completeFill = false) => kind switch
    {
        OrderEventKind.Denied => Denied(),
        OrderEventKind.Submitted => Submitted(),
        OrderEventKind.Accepted => Accepted("V-" + Guid.NewGuid().ToString("N")[..6]),
        OrderEventKind.Rejected => Rejected(),
        OrderEventKind.Canceled => Canceled(),
        OrderEventKind.Expired => Expired(),
        OrderEventKind.Triggered => Triggered(),
        OrderEventKind.PendingUpdate => PendingUpdate(),
        OrderEventKind.PendingCancel => PendingCancel(),
        OrderEventKind.ModifyRejected => ModifyRejected(),
        OrderEventKind.CancelRejected => CancelRejected(),
        OrderEventKind.Updated => Updated(order.Quantity.ToString()),
        OrderEventKind.Filled => Filled(completeFill ? order.LeavesQty.ToString() : "0.1", "100", "T-" + Guid.NewGuid().ToString("N")[..8]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
