using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Execution;

public sealed partial class ExecutionEngine
{
    /// <summary>
    /// Applies an order event to its order. Applied: the cache, the position (for fills) and the account are
    /// updated first, then the order event and any position events are published. A repeated event is
    /// dropped quietly; an illegal one is logged once and dropped.
    /// </summary>
    /// <returns>True when the event changed the order.</returns>
    public bool Process(IOrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        Order? order = FindOrder(orderEvent.ClientOrderId);
        if (order is null)
        {
            if (_warnedUnknownOrders.Add(orderEvent.ClientOrderId))
                _log.LogWarning("{Event} for unknown order {ClientOrderId} dropped", orderEvent.GetType().Name, orderEvent.ClientOrderId);
            return false;
        }
        if (orderEvent.ClientOrderId != order.ClientOrderId) orderEvent = Readdress(orderEvent, order.ClientOrderId);

        if (orderEvent is OrderFilled { PositionId: null } unassigned)
            orderEvent = unassigned with { PositionId = _cache.PositionIdFor(order.ClientOrderId) ?? PositionId.Netting(order.InstrumentId, order.StrategyId) };

        OrderTransitionResult result = order.Apply(orderEvent);
        if (result.IsDuplicate)
        {
            DuplicateEventCount++;
            _log.LogDebug("Duplicate {Event} ignored: {Error}", orderEvent.GetType().Name, result.Error);
            return false;
        }
        if (result.IsInvalid)
        {
            InvalidEventCount++;
            _log.LogWarning("Invalid {Event} dropped: {Error}", orderEvent.GetType().Name, result.Error);
            return false;
        }

        _cache.UpdateOrder(order);
        IReadOnlyList<IPositionEvent> positionEvents = orderEvent is OrderFilled fill ? UpdatePosition(fill) : [];
        PublishOrderEvent(orderEvent);
        foreach (IPositionEvent positionEvent in positionEvents) PublishPositionEvent(positionEvent);
        return true;
    }

    /// <summary>A venue snapshot of an account replaces what we hold; an older one than the last is refused (logged).</summary>
    public void Process(AccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Account? account = _cache.Account(state.AccountId);
        if (account is null)
        {
            _cache.AddAccount(new Account(state));
        }
        else if (!account.Apply(state, out string? error))
        {
            _log.LogWarning("Account state dropped: {Error}", error);
            return;
        }
        _bus.Publish(TopicNames.AccountEvents(state.AccountId.Value), state);
    }

    /// <summary>Applies a fill to the netted position of its order's strategy, creating it on the first fill; returns the events to publish.</summary>
    private IReadOnlyList<IPositionEvent> UpdatePosition(OrderFilled fill)
    {
        Instrument? instrument = _cache.Instrument(fill.InstrumentId);
        if (instrument is null)
        {
            _log.LogError("Fill {TradeId} of {ClientOrderId}: instrument {InstrumentId} is not in the cache, position not updated",
                fill.TradeId, fill.ClientOrderId, fill.InstrumentId);
            return [];
        }
        if (!_inReconciliation) _lastLiveFillNs[fill.InstrumentId] = _clock.UtcNowNs;
        PositionId positionId = fill.PositionId!.Value;
        Position? position = _cache.Position(positionId);
        PositionUpdate update;
        if (position is null)
        {
            position = new Position(instrument, fill);
            _cache.AddPosition(position);
            update = new PositionUpdate(PositionChangeKind.Opened, position.RealizedPnl);
        }
        else
        {
            update = position.Apply(fill);
            if (!update.IsApplied)
            {
                _log.LogWarning("Fill {TradeId} not applied to position {PositionId}: {Error}", fill.TradeId, positionId, update.Error);
                return [];
            }
            _cache.UpdatePosition(position);
        }

        if (_cache.Account(fill.AccountId) is Account account)
        {
            // The position's realized PnL is net of the commission when it is paid in the settlement currency.
            account.ApplyRealizedPnl(update.RealizedPnl, fill.TsEvent);
            if (fill.Commission.Currency != position.Currency) account.ApplyCommission(fill);
            _bus.Publish(TopicNames.AccountEvents(account.Id.Value), account.Snapshot(_newId(), _clock.UtcNowNs));
        }
        return position.EventsFor(update, _newId, _clock.UtcNowNs);
    }

    private void PublishOrderEvent(IOrderEvent orderEvent)
    {
        if (!_orderTopics.TryGetValue(orderEvent.StrategyId, out Topic<IOrderEvent>? topic))
            _orderTopics[orderEvent.StrategyId] = topic = _bus.GetTopic<IOrderEvent>(TopicNames.OrderEvents(orderEvent.StrategyId.Value));
        topic.Publish(orderEvent);
    }

    private void PublishPositionEvent(IPositionEvent positionEvent)
    {
        StrategyId strategyId = positionEvent.Position.StrategyId;
        if (!_positionTopics.TryGetValue(strategyId, out Topic<IPositionEvent>? topic))
            _positionTopics[strategyId] = topic = _bus.GetTopic<IPositionEvent>(TopicNames.PositionEvents(strategyId.Value));
        topic.Publish(positionEvent);
    }
}
