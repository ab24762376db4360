using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Risk;

/// <summary>A strategy the test drives: subscribes quotes of its instruments and places what it is told.</summary>
internal sealed class ManualStrategy(IReadOnlyList<InstrumentId> instruments, string id = "Manual-001") : Strategy(id)
{
    public List<IOrderEvent> Events { get; } = [];
    public List<OrderDenied> Denied { get; } = [];

    protected override void OnStart()
    {
        foreach (InstrumentId instrument in instruments) SubscribeQuotes(instrument);
    }

    public Order Market(InstrumentId instrumentId, OrderSide side, string qty, bool reduceOnly = false)
    {
        Order order = OrderFactory.Market(instrumentId, side, Quantity.Parse(qty), reduceOnly: reduceOnly);
        SubmitOrder(order);
        return order;
    }

    public Order Limit(InstrumentId instrumentId, OrderSide side, string qty, string price, bool reduceOnly = false)
    {
        Order order = OrderFactory.Limit(instrumentId, side, Quantity.Parse(qty), Price.Parse(price), reduceOnly: reduceOnly);
        SubmitOrder(order);
        return order;
    }

    public void Cancel(Order order) => CancelOrder(order);

    /// <summary>Called with every order event as it is published (the cache as it is at that moment).</summary>
    public Action<IOrderEvent>? OnEvent { get; set; }

    protected override void OnOrderEvent(IOrderEvent e)
    {
        Events.Add(e);
        OnEvent?.Invoke(e);
    }
    protected override void OnOrderDenied(OrderDenied e) => Denied.Add(e);
}
