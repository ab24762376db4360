using Halyard.Core.Execution;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Risk;

public sealed partial class RiskManager
{
    /// <summary>
    /// Brings a position's protective orders to what its current state needs. Idempotent and driven by the
    /// cache (the engines update it before publishing), so every event, timer or retry just calls it again.
    /// Re-entrant calls (a submit publishes events synchronously) are folded into one more pass.
    /// </summary>
    private void Reconcile(ProtectedPosition p)
    {
        if (p.Reconciling)
        {
            p.Dirty = true;
            return;
        }
        p.Reconciling = true;
        try
        {
            int passes = 0;
            do
            {
                p.Dirty = false;
                ReconcileOnce(p);
            }
            while (p.Dirty && ++passes < 8);
        }
        finally
        {
            p.Reconciling = false;
        }
    }

    private void ReconcileOnce(ProtectedPosition p)
    {
        Position? position = _cache.Position(p.PositionId);
        if (position is null || position.IsClosed)
        {
            Retire(p, p.Stop);
            Retire(p, p.TakeProfit);
            MarkProtected(p);
            _clock.CancelTimer(p.Stop.RetryTimerName);
            _clock.CancelTimer(p.TakeProfit.RetryTimerName);
            return;
        }
        if (Config.StopLoss is ProtectiveDistance stop) Maintain(p, p.Stop, position, stop);
        if (Config.TakeProfit is TakeProfitConfig tp) Maintain(p, p.TakeProfit, position, tp.Distance);
        if (IsProtected(p, position)) MarkProtected(p);
        else MarkUnprotected(p);
    }

    /// <summary>Keeps one protective order working on the closing side for the whole position.</summary>
    private void Maintain(ProtectedPosition p, ProtectiveLeg leg, Position position, ProtectiveDistance distance)
    {
        OrderSide closing = position.IsLong ? OrderSide.Sell : OrderSide.Buy;
        Order? order = leg.Order;
        if (order is not null && (order.IsClosed || order.Side != closing || order.Status == OrderStatus.PendingCancel))
        {
            Retire(p, leg); // filled, canceled, rejected; or the position flipped side
            order = null;
        }
        if (order is null)
        {
            if (_clock.UtcNowNs < leg.RetryAtNs) return; // its retry timer calls back
            Place(p, leg, position, distance);
            return;
        }
        // Wait for the venue's answer to what is in flight; a triggered stop is already closing the position.
        if (order.Status is OrderStatus.Initialized or OrderStatus.Submitted or OrderStatus.PendingUpdate or OrderStatus.Triggered) return;

        bool sizeRight = order.LeavesQty == position.Quantity;
        bool basisRight = leg.BasisAvgPx == position.AvgPxOpen;
        if (sizeRight && basisRight) return;
        if (leg.MustReplace || !order.FilledQty.IsZero)
        {
            // Place the new one first: two reduce-only stops for a moment are safe, no stop is not.
            Order old = order;
            Place(p, leg, position, distance);
            RetireOrder(p, old);
            return;
        }
        Price trigger = TriggerPrice(leg.Kind, position, distance, out Price? limit);
        leg.BasisAvgPx = position.AvgPxOpen;
        _log.LogInformation("Resizing {Leg} {ClientOrderId} of {PositionId} to {Quantity} @ {Trigger}", leg.Kind, order.ClientOrderId, p.PositionId, position.Quantity, trigger);
        Send(new ModifyOrder(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId,
            position.Quantity, limit, trigger, _newId(), _clock.UtcNowNs));
    }

    private void Place(ProtectedPosition p, ProtectiveLeg leg, Position position, ProtectiveDistance distance)
    {
        if (!_factories.TryGetValue(p.StrategyId, out OrderFactory? factory))
        {
            p.LastProblem = $"strategy {p.StrategyId} is not registered with the risk manager";
            return;
        }
        if (_cache.Instrument(p.InstrumentId) is null)
        {
            p.LastProblem = $"instrument {p.InstrumentId} is not in the cache";
            return;
        }
        OrderSide side = position.IsLong ? OrderSide.Sell : OrderSide.Buy;
        Price trigger = TriggerPrice(leg.Kind, position, distance, out Price? limit);
        Order order = leg.Kind == ProtectiveLegKind.StopLoss
            ? factory.StopMarket(p.InstrumentId, side, position.Quantity, trigger, Config.TriggerType, reduceOnly: true, tags: [RiskTags.StopLoss])
            : limit is Price px
                ? factory.LimitIfTouched(p.InstrumentId, side, position.Quantity, px, trigger, Config.TriggerType, reduceOnly: true, tags: [RiskTags.TakeProfit])
                : factory.MarketIfTouched(p.InstrumentId, side, position.Quantity, trigger, Config.TriggerType, reduceOnly: true, tags: [RiskTags.TakeProfit]);
        leg.Order = order;
        leg.BasisAvgPx = position.AvgPxOpen;
        leg.MustReplace = false;
        _byOrder[order.ClientOrderId] = p;
        _log.LogInformation("Placing {Leg} {Side} {Quantity} {InstrumentId} @ {Trigger} for {PositionId}", leg.Kind, side, position.Quantity, p.InstrumentId, trigger, p.PositionId);
        Send(new SubmitOrder(order.TraderId, order.StrategyId, order, p.PositionId, _newId(), _clock.UtcNowNs));
    }

    /// <summary>The trigger for a leg: entry ∓ distance for a stop, ± for a take-profit, rounded away from the entry onto a valid price.</summary>
    private Price TriggerPrice(ProtectiveLegKind kind, Position position, ProtectiveDistance distance, out Price? limit)
    {
        Instrument instrument = _cache.Instrument(position.InstrumentId)!;
        decimal avg = position.AvgPxOpen;
        decimal d = Distance(distance, position.InstrumentId, avg);
        bool below = position.IsLong == (kind == ProtectiveLegKind.StopLoss);
        decimal raw = below ? avg - d : avg + d;
        Price trigger = instrument.RoundPrice(raw, below ? RoundingDirection.Down : RoundingDirection.Up);
        if (!trigger.IsPositive) trigger = instrument.PriceIncrement; // a stop below zero can never trigger anyway
        limit = kind == ProtectiveLegKind.TakeProfit && Config.TakeProfit?.OrderType == OrderType.LimitIfTouched ? trigger : null;
        return trigger;
    }

    private decimal Distance(ProtectiveDistance distance, InstrumentId instrumentId, decimal avg) => distance.Kind switch
    {
        StopDistanceKind.Percent => avg * distance.Value,
        StopDistanceKind.Absolute => distance.Value,
        _ => Atr(new BarType(instrumentId, distance.AtrBars!.Value)) is decimal atr ? atr * distance.Value : avg * distance.FallbackPercent,
    };

    /// <summary>Cancels a leg's order (if still working) and empties the slot.</summary>
    private void Retire(ProtectedPosition p, ProtectiveLeg leg)
    {
        if (leg.Order is Order order) RetireOrder(p, order);
        leg.Order = null;
    }

    private void RetireOrder(ProtectedPosition p, Order order)
    {
        if (order.IsClosed || order.Status == OrderStatus.Initialized)
        {
            _byOrder.Remove(order.ClientOrderId);
            return;
        }
        if (!p.Retiring.Add(order.ClientOrderId)) return; // cancel already sent
        _log.LogInformation("Canceling {ClientOrderId} of {PositionId}", order.ClientOrderId, p.PositionId);
        Send(new CancelOrder(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, _newId(), _clock.UtcNowNs));
    }

    /// <summary>True when a stop for at least the whole position is working at the venue on the closing side.</summary>
    private bool IsProtected(ProtectedPosition p, Position position)
    {
        if (Config.StopLoss is null) return true;
        return p.Stop.Order is Order stop
            && stop.Status is OrderStatus.Accepted or OrderStatus.Triggered or OrderStatus.PartiallyFilled or OrderStatus.PendingUpdate
            && stop.Side == (position.IsLong ? OrderSide.Sell : OrderSide.Buy)
            && stop.LeavesQty >= position.Quantity;
    }

    private void MarkProtected(ProtectedPosition p)
    {
        if (p.UnprotectedSinceNs is null) return;
        p.UnprotectedSinceNs = null;
        p.Alerted = false;
        _clock.CancelTimer(p.AlertTimerName);
    }

    private void MarkUnprotected(ProtectedPosition p)
    {
        if (p.UnprotectedSinceNs is not null) return;
        long now = _clock.UtcNowNs;
        p.UnprotectedSinceNs = now;
        _clock.CancelTimer(p.AlertTimerName);
        _clock.SetTimeAlert(p.AlertTimerName, now + Config.ProtectionTimeout.Ticks * 100, _ => OnProtectionTimeout(p));
    }

    /// <summary>The position stayed unprotected for the whole timeout: alert, ask the venue about a stuck stop, optionally flatten; re-arm.</summary>
    private void OnProtectionTimeout(ProtectedPosition p)
    {
        Reconcile(p);
        if (p.UnprotectedSinceNs is not long since) return;
        Position? position = _cache.Position(p.PositionId);
        if (position is null || position.IsClosed) return;
        long now = _clock.UtcNowNs;
        UnprotectedAlertCount++;
        p.Alerted = true;
        _log.LogError("Position {PositionId} ({SignedQty}) has been without a stop since {Since} ({Seconds:0.###} s): {Problem}",
            p.PositionId, position.SignedQty, since, (now - since) / 1e9, p.LastProblem);
        _bus.Publish(UnprotectedTopic, new PositionUnprotected(p.PositionId, p.StrategyId, p.InstrumentId, position.SignedQty, since, p.LastProblem, now));
        if (p.Stop.Order is { Status: OrderStatus.Submitted or OrderStatus.PendingUpdate } stuck)
            Send(new QueryOrder(stuck.TraderId, stuck.StrategyId, stuck.InstrumentId, stuck.ClientOrderId, stuck.VenueOrderId, _newId(), now));
        if (Config.FlattenUnprotected) FlattenPosition(p, position, "unprotected for longer than " + Config.ProtectionTimeout);
        _clock.CancelTimer(p.AlertTimerName);
        _clock.SetTimeAlert(p.AlertTimerName, now + Config.ProtectionTimeout.Ticks * 100, _ => OnProtectionTimeout(p));
    }

    /// <summary>Closes a position with a reduce-only market order (kill switch, unprotected timeout); one at a time per position.</summary>
    private void FlattenPosition(ProtectedPosition p, Position position, string reason)
    {
        if (p.Flatten is { IsClosed: false }) return;
        if (!_factories.TryGetValue(p.StrategyId, out OrderFactory? factory)) return;
        OrderSide side = position.IsLong ? OrderSide.Sell : OrderSide.Buy;
        Order order = factory.Market(position.InstrumentId, side, position.Quantity, reduceOnly: true, tags: [RiskTags.Flatten]);
        p.Flatten = order;
        _byOrder[order.ClientOrderId] = p;
        _log.LogWarning("Flattening {PositionId} ({SignedQty}): {Reason}", p.PositionId, position.SignedQty, reason);
        Send(new SubmitOrder(order.TraderId, order.StrategyId, order, p.PositionId, _newId(), _clock.UtcNowNs));
    }
}
