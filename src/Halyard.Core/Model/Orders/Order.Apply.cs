using Halyard.Core.Execution;

namespace Halyard.Core.Model;

public sealed partial class Order
{
    /// <summary>
    /// Applies a venue or local event. Never throws for a bad event: an illegal transition, an over-fill or an
    /// event for another order comes back as <see cref="OrderTransitionOutcome.Invalid"/> with a message, and a
    /// repeated report (same fill trade id, same accept) as <see cref="OrderTransitionOutcome.Duplicate"/>;
    /// in both cases the order is unchanged. See <see cref="OrderStateMachine"/> for the transition rules.
    /// </summary>
    public OrderTransitionResult Apply(IOrderEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        OrderStatus before = Status;
        string eventName = @event.GetType().Name;

        if (@event.ClientOrderId != ClientOrderId)
            return OrderTransitionResult.Invalid(before, $"cannot apply {eventName} for order {@event.ClientOrderId} to order {ClientOrderId}");
        if (@event is OrderInitialized)
            return OrderTransitionResult.Invalid(before, $"cannot apply OrderInitialized to order {ClientOrderId}: it is already initialized");

        bool completes = false;
        switch (@event)
        {
            case OrderFilled fill:
                if (_tradeIds.Contains(fill.TradeId))
                    return OrderTransitionResult.Duplicate(before, $"fill {fill.TradeId} was already applied to order {ClientOrderId}");
                if (fill.LastQty.Raw <= 0 || fill.LastPx.Raw <= 0)
                    return OrderTransitionResult.Invalid(before, $"fill {fill.TradeId} of order {ClientOrderId} needs a positive quantity and price, was {fill.LastQty} @ {fill.LastPx}");
                if (fill.OrderSide != Side)
                    return OrderTransitionResult.Invalid(before, $"fill {fill.TradeId} is a {fill.OrderSide} but order {ClientOrderId} is a {Side}");
                if (FilledQty.Raw + fill.LastQty.Raw > Quantity.Raw)
                    return OrderTransitionResult.Invalid(before,
                        $"fill {fill.TradeId} of {fill.LastQty} would over-fill order {ClientOrderId}: filled {FilledQty} of {Quantity}");
                completes = FilledQty.Raw + fill.LastQty.Raw == Quantity.Raw;
                break;
            case OrderAccepted accepted when IsAcceptedAs(accepted.VenueOrderId):
                return OrderTransitionResult.Duplicate(before, $"order {ClientOrderId} was already accepted as {accepted.VenueOrderId}");
            case OrderUpdated updated when updated.Quantity.Raw < FilledQty.Raw:
                return OrderTransitionResult.Invalid(before,
                    $"cannot update order {ClientOrderId} to quantity {updated.Quantity}: {FilledQty} is already filled");
            case OrderUpdated { Quantity.Raw: <= 0 }:
                return OrderTransitionResult.Invalid(before, $"cannot update order {ClientOrderId} to a quantity that is not positive");
            case OrderTriggered when !HasTrigger:
                return OrderTransitionResult.Invalid(before, $"cannot apply OrderTriggered to order {ClientOrderId}: a {OrderType} order has no trigger");
        }

        if (!OrderStateMachine.TryTransition(before, _underlyingStatus, @event.Kind, completes, out OrderStatus next, out OrderStatus underlying))
            return OrderTransitionResult.Invalid(before, $"cannot apply {eventName} to order {ClientOrderId} in state {OrderStateMachine.Name(before)}");

        Mutate(@event);
        Status = next;
        _underlyingStatus = underlying;
        TsLast = @event.TsEvent;
        _events.Add(@event);
        return OrderTransitionResult.Applied(before, next);
    }

    /// <summary>Applies <paramref name="event"/>; false with <paramref name="error"/> when it was not applied (duplicate or invalid).</summary>
    public bool TryApply(IOrderEvent @event, out string? error)
    {
        OrderTransitionResult result = Apply(@event);
        error = result.Error;
        return result.IsApplied;
    }

    private void Mutate(IOrderEvent @event)
    {
        switch (@event)
        {
            case OrderSubmitted e:
                AccountId = e.AccountId;
                break;
            case OrderAccepted e:
                SetVenueOrderId(e.VenueOrderId);
                AccountId = e.AccountId;
                break;
            case OrderRejected e:
                AccountId = e.AccountId;
                break;
            case OrderTriggered:
                IsTriggered = true;
                break;
            case OrderUpdated e:
                if (e.VenueOrderId is { } venueOrderId) SetVenueOrderId(venueOrderId);
                Quantity = e.Quantity;
                if (e.Price is not null) Price = e.Price;
                if (e.TriggerPrice is not null) TriggerPrice = e.TriggerPrice;
                LeavesQty = Quantity - FilledQty;
                break;
            case OrderFilled e:
                SetVenueOrderId(e.VenueOrderId);
                AccountId = e.AccountId;
                if (e.PositionId is { } positionId) PositionId = positionId;
                _tradeIds.Add(e.TradeId);
                _filledNotional += e.LastQty.NotionalAt(e.LastPx);
                FilledQty += e.LastQty;
                LeavesQty = Quantity - FilledQty;
                _commissions[e.Commission.Currency] = _commissions.GetValueOrDefault(e.Commission.Currency) + e.Commission.Amount;
                break;
        }
    }

    /// <summary>True when an accept for <paramref name="venueOrderId"/> was already applied (a repeated venue report).</summary>
    private bool IsAcceptedAs(VenueOrderId venueOrderId)
    {
        foreach (IOrderEvent e in _events)
        {
            if (e is OrderAccepted a && a.VenueOrderId == venueOrderId) return true;
        }
        return false;
    }

    private void SetVenueOrderId(VenueOrderId id)
    {
        if (VenueOrderId == id) return;
        VenueOrderId = id;
        _venueOrderIds.Add(id);
    }
}
