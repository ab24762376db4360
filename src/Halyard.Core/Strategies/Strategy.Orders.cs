using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Strategies;

public abstract partial class Strategy
{
    /// <summary>
    /// Sends an order made with <see cref="OrderFactory"/> through the risk engine to its venue. Returns at
    /// once; the outcome arrives as order events (OrderDenied, OrderSubmitted, OrderAccepted, OrderFilled…).
    /// </summary>
    public void SubmitOrder(Order order, PositionId? positionId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckOwnOrder(order);
        Send(new SubmitOrder(TraderId, Id, order, positionId, Kernel.NewId(), Clock.UtcNowNs));
    }

    /// <summary>Sends several orders of one instrument in one venue request.</summary>
    public void SubmitOrderList(IReadOnlyList<Order> orders)
    {
        foreach (Order order in orders) CheckOwnOrder(order);
        Send(new SubmitOrderList(TraderId, Id, orders, Kernel.NewId(), Clock.UtcNowNs));
    }

    /// <summary>Cancels a working order; ignored (and logged) when it is already closed.</summary>
    public void CancelOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Send(new CancelOrder(TraderId, Id, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Kernel.NewId(), Clock.UtcNowNs));
    }

    /// <summary>Cancels this strategy's open orders in <paramref name="instrumentId"/> (one side, or both).</summary>
    public void CancelAllOrders(InstrumentId instrumentId, OrderSide side = OrderSide.NoOrderSide) =>
        Send(new CancelAllOrders(TraderId, Id, instrumentId, side, Kernel.NewId(), Clock.UtcNowNs));

    /// <summary>Cancels several orders of one instrument in one venue request.</summary>
    public void BatchCancelOrders(IReadOnlyList<Order> orders)
    {
        long now = Clock.UtcNowNs;
        CancelOrder[] cancels = [.. orders.Select(o => new CancelOrder(TraderId, Id, o.InstrumentId, o.ClientOrderId, o.VenueOrderId, Kernel.NewId(), now))];
        Send(new BatchCancelOrders(TraderId, Id, cancels, Kernel.NewId(), now));
    }

    /// <summary>Changes a working order's quantity, price or trigger price (null keeps the current value).</summary>
    public void ModifyOrder(Order order, Quantity? quantity = null, Price? price = null, Price? triggerPrice = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (quantity is null && price is null && triggerPrice is null)
            throw new ArgumentException("a modify needs a new quantity, price or trigger price", nameof(quantity));
        Send(new ModifyOrder(TraderId, Id, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, quantity, price, triggerPrice,
            Kernel.NewId(), Clock.UtcNowNs));
    }

    /// <summary>Asks the venue for the order's status (the answer updates the order if it changed).</summary>
    public void QueryOrder(Order order) =>
        Send(new QueryOrder(TraderId, Id, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, Kernel.NewId(), Clock.UtcNowNs));

    /// <summary>Flattens a position with a reduce-only market order; returns the order, or null when it is already flat.</summary>
    public Order? ClosePosition(Position position, IReadOnlyList<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.IsClosed) return null;
        OrderSide side = position.IsLong ? OrderSide.Sell : OrderSide.Buy;
        Order order = OrderFactory.Market(position.InstrumentId, side, position.Quantity, reduceOnly: true, tags: tags);
        SubmitOrder(order, position.Id);
        return order;
    }

    /// <summary>Flattens this strategy's open positions (of one instrument, or all); returns the closing orders.</summary>
    public IReadOnlyList<Order> CloseAllPositions(InstrumentId? instrumentId = null)
    {
        var orders = new List<Order>();
        foreach (Position position in Cache.PositionsOpen(instrumentId, Id))
            if (ClosePosition(position) is Order order) orders.Add(order);
        return orders;
    }

    private void Send(TradingCommand command) => Kernel.Bus.Send(RiskEngine.Endpoint, command);

    private void CheckOwnOrder(Order order)
    {
        if (order.StrategyId != Id)
            throw new ArgumentException($"order {order.ClientOrderId} belongs to strategy {order.StrategyId}, not {Id}", nameof(order));
    }
}
