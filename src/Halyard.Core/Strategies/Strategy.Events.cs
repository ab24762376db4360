using Halyard.Core.Model;

namespace Halyard.Core.Strategies;

public abstract partial class Strategy
{
    private void DispatchOrderEvent(IOrderEvent e)
    {
        OnOrderEvent(e);
        switch (e)
        {
            case OrderFilled x: OnOrderFilled(x); break;
            case OrderAccepted x: OnOrderAccepted(x); break;
            case OrderCanceled x: OnOrderCanceled(x); break;
            case OrderSubmitted x: OnOrderSubmitted(x); break;
            case OrderRejected x: OnOrderRejected(x); break;
            case OrderDenied x: OnOrderDenied(x); break;
            case OrderExpired x: OnOrderExpired(x); break;
            case OrderTriggered x: OnOrderTriggered(x); break;
            case OrderPendingUpdate x: OnOrderPendingUpdate(x); break;
            case OrderPendingCancel x: OnOrderPendingCancel(x); break;
            case OrderUpdated x: OnOrderUpdated(x); break;
            case OrderModifyRejected x: OnOrderModifyRejected(x); break;
            case OrderCancelRejected x: OnOrderCancelRejected(x); break;
            case OrderInitialized x: OnOrderInitialized(x); break;
        }
    }

    private void DispatchPositionEvent(IPositionEvent e)
    {
        OnPositionEvent(e);
        switch (e)
        {
            case PositionOpened x: OnPositionOpened(x); break;
            case PositionChanged x: OnPositionChanged(x); break;
            case PositionClosed x: OnPositionClosed(x); break;
        }
    }

    /// <summary>Every event of this strategy's orders, before the typed callback below.</summary>
    protected virtual void OnOrderEvent(IOrderEvent orderEvent) { }
    protected virtual void OnOrderInitialized(OrderInitialized e) { }
    /// <summary>The risk engine (or the engine: no client, duplicate id) refused the order before it was sent.</summary>
    protected virtual void OnOrderDenied(OrderDenied e) { }
    protected virtual void OnOrderSubmitted(OrderSubmitted e) { }
    protected virtual void OnOrderAccepted(OrderAccepted e) { }
    protected virtual void OnOrderRejected(OrderRejected e) { }
    protected virtual void OnOrderCanceled(OrderCanceled e) { }
    protected virtual void OnOrderExpired(OrderExpired e) { }
    protected virtual void OnOrderTriggered(OrderTriggered e) { }
    protected virtual void OnOrderPendingUpdate(OrderPendingUpdate e) { }
    protected virtual void OnOrderPendingCancel(OrderPendingCancel e) { }
    protected virtual void OnOrderUpdated(OrderUpdated e) { }
    protected virtual void OnOrderModifyRejected(OrderModifyRejected e) { }
    protected virtual void OnOrderCancelRejected(OrderCancelRejected e) { }
    protected virtual void OnOrderFilled(OrderFilled e) { }

    /// <summary>Every event of this strategy's positions, before the typed callback below.</summary>
    protected virtual void OnPositionEvent(IPositionEvent positionEvent) { }
    protected virtual void OnPositionOpened(PositionOpened e) { }
    protected virtual void OnPositionChanged(PositionChanged e) { }
    protected virtual void OnPositionClosed(PositionClosed e) { }
}
