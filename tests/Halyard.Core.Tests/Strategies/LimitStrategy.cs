using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Strategies;

/// <summary>A strategy driven by the test: places, modifies and cancels limit orders on request.</summary>
internal sealed class LimitStrategy(string id = "Limits-001") : Strategy(id)
{
    public Order? Order { get; private set; }
    public List<IOrderEvent> Events { get; } = [];

    public Order Buy(InstrumentId instrumentId, string qty, string price) => Place(instrumentId, OrderSide.Buy, qty, price);
    public Order Sell(InstrumentId instrumentId, string qty, string price) => Place(instrumentId, OrderSide.Sell, qty, price);

    public Order Place(InstrumentId instrumentId, OrderSide side, string qty, string price, bool reduceOnly = false, bool postOnly = false)
    {
        Order = OrderFactory.Limit(instrumentId, side, Quantity.Parse(qty), Price.Parse(price), postOnly: postOnly, reduceOnly: reduceOnly);
        SubmitOrder(Order);
        return Order;
    }

    public Order Market(InstrumentId instrumentId, OrderSide side, string qty, bool reduceOnly = false)
    {
        Order = OrderFactory.Market(instrumentId, side, Quantity.Parse(qty), reduceOnly: reduceOnly);
        SubmitOrder(Order);
        return Order;
    }

    public Order StopMarket(InstrumentId instrumentId, OrderSide side, string qty, string trigger)
    {
        Order = OrderFactory.StopMarket(instrumentId, side, Quantity.Parse(qty), Price.Parse(trigger));
        SubmitOrder(Order);
        return Order;
    }

    public void Cancel(Order order) => CancelOrder(order);
    public void CancelAll(InstrumentId id) => CancelAllOrders(id);
    public void Modify(Order order, string price) => ModifyOrder(order, price: Price.Parse(price));
    public IReadOnlyList<Order> CloseAll() => CloseAllPositions();

    protected override void OnOrderEvent(IOrderEvent e) => Events.Add(e);
}
