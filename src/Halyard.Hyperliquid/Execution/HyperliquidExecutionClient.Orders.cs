using System.Diagnostics;
using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Execution;

public sealed partial class HyperliquidExecutionClient
{
    /// <summary>Kernel thread: starts tracking the order and hands the signing and sending to the thread pool.</summary>
    public void Submit(SubmitOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Prepare(command.Order) is not { } tracked) return;
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.PlaceAsync([s.Tracked]), (Client: this, Tracked: tracked), preferLocal: false);
    }

    /// <summary>Kernel thread: one venue request for the whole list; each order still gets its own events.</summary>
    public void SubmitList(SubmitOrderList command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tracked = new List<TrackedOrder>(command.Orders.Count);
        foreach (Order order in command.Orders)
            if (Prepare(order) is { } t) tracked.Add(t);
        if (tracked.Count > 0) ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.PlaceAsync(s.Tracked), (Client: this, Tracked: tracked), preferLocal: false);
    }

    private TrackedOrder? Prepare(Order order)
    {
        _submittedAt[order.ClientOrderId] = Stopwatch.GetTimestamp();
        if (!_connected || _exchange is null)
        {
            RejectUntracked(order, "the Hyperliquid execution client is not connected");
            return null;
        }
        if (!_instruments.Table.TryGetByInstrument(order.InstrumentId, out HyperliquidMarket market))
        {
            RejectUntracked(order, $"instrument {order.InstrumentId} is not listed by the venue");
            return null;
        }
        return _tracker.Track(order, market);
    }

    private void RejectUntracked(Order order, string reason) =>
        Emit(new OrderRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId, reason,
            Guid.NewGuid(), _clock.UtcNowNs, _clock.UtcNowNs));

    /// <summary>Pool thread: builds the wires (pricing market orders), sends one order action, maps each status.</summary>
    private async Task PlaceAsync(IReadOnlyList<TrackedOrder> orders)
    {
        try
        {
            var wires = new List<OrderWire>(orders.Count);
            var sent = new List<TrackedOrder>(orders.Count);
            foreach (TrackedOrder order in orders)
            {
                Price? reference = order.OrderType == OrderType.Market ? await ReferencePriceAsync(order.Market).ConfigureAwait(false) : null;
                OrderWire? wire = OrderWireBuilder.Build(order, order.Market, order.ReduceOnly, order.PostOnly, order.TimeInForce,
                    order.SlippagePct ?? _config.MarketSlippage, reference, null, out string? error);
                if (wire is null)
                {
                    _tracker.OnSubmitFailed(order, error ?? "the order cannot be expressed on Hyperliquid", _clock.UtcNowNs);
                    continue;
                }
                wires.Add(wire);
                sent.Add(order);
            }
            if (wires.Count == 0) return;

            var result = await _exchange!.PlaceOrdersAsync(new OrderAction(wires), Stopping).ConfigureAwait(false);
            long ts = _clock.UtcNowNs;
            if (result.IsSuccess)
            {
                ApplyStatuses(sent, result.Value, ts, (o, s) => _tracker.OnSubmitResponse(o, s, ts));
                return;
            }
            if (result.Error.MayHaveExecuted)
            {
                _log.LogWarning("Order answer lost after retries ({Error}); asking the venue by cloid", result.Error);
                foreach (TrackedOrder order in sent) await ResolveLostSubmitAsync(order, result.Error).ConfigureAwait(false);
                return;
            }
            foreach (TrackedOrder order in sent) _tracker.OnSubmitFailed(order, result.Error.Message, ts);
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
            // disconnecting: reconciliation on the next start settles what was in flight
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Placing {Count} orders failed unexpectedly", orders.Count);
            foreach (TrackedOrder order in orders) _tracker.OnSubmitFailed(order, $"internal error: {ex.Message}", _clock.UtcNowNs);
        }
    }

    private void ApplyStatuses(IReadOnlyList<TrackedOrder> orders, IReadOnlyList<ExchangeStatus> statuses, long ts, Action<TrackedOrder, VenueOrderStatus> apply)
    {
        for (int i = 0; i < orders.Count; i++)
        {
            VenueOrderStatus status = i < statuses.Count
                ? VenueMessages.ToStatus(statuses[i])
                : VenueOrderStatus.Rejected($"the venue answered {statuses.Count} statuses for {orders.Count} orders");
            apply(orders[i], status);
        }
    }

    /// <summary>The answer never came: the order is placed if the venue knows its cloid, otherwise it was not.</summary>
    private async Task ResolveLostSubmitAsync(TrackedOrder order, ApiError error)
    {
        var status = await _info.GetOrderStatusAsync(_owner, order.Cloid, Stopping).ConfigureAwait(false);
        long ts = _clock.UtcNowNs;
        if (!status.IsSuccess)
        {
            _log.LogWarning("Order {ClientOrderId} state unknown ({Error}); reconciliation will settle it", order.ClientOrderId, status.Error);
            return;
        }
        if (status.Value.Order is not { } detail)
        {
            _tracker.OnSubmitFailed(order, $"not placed: {error.Message}", ts);
            return;
        }
        _tracker.OnOrderUpdate(VenueMessages.ToUpdate(detail.Order, detail.StatusTimestamp) with { Status = detail.Status });
    }

    /// <summary>Mid from the allMids stream, else asked over REST.</summary>
    private async ValueTask<Price?> ReferencePriceAsync(HyperliquidMarket market)
    {
        if (!_mids.TryGetValue(market.Coin, out decimal mid))
        {
            var mids = await _info.GetAllMidsAsync(ct: Stopping).ConfigureAwait(false);
            if (!mids.IsSuccess || !mids.Value.TryGetValue(market.Coin, out mid)) return null;
        }
        return mid > 0m ? Price.FromDecimal(mid, market.Instrument.PricePrecision, RoundingDirection.Nearest) : null;
    }

    /// <summary>Kernel thread: a cancel-replace under the same cloid; only the unfilled remainder is re-placed.</summary>
    public void Modify(ModifyOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_tracker.Find(command.ClientOrderId) is not { } order)
        {
            RejectModify(command, "order not placed by this client session; cancel and resubmit it");
            return;
        }
        decimal? size = _tracker.BeginModify(order, command.Quantity, command.Price, command.TriggerPrice, out string? error);
        if (size is null)
        {
            RejectModify(command, error ?? "modify refused");
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.ReplaceAsync(s.Order, s.Size, s.Command.Price, s.Command.TriggerPrice),
            (Client: this, Order: order, Size: size.Value, Command: command), preferLocal: false);
    }

    private void RejectModify(ModifyOrder command, string reason) =>
        Emit(new OrderModifyRejected(command.TraderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId,
            AccountId, reason, Guid.NewGuid(), _clock.UtcNowNs, _clock.UtcNowNs));

    /// <summary>
    /// Pool thread: sends the replacement as a one-entry batchModify (its answer carries the new oid; a plain modify's
    /// does not). Used for modifies and for shrinking a live order after a late fill of a replaced oid.
    /// </summary>
    private async Task ReplaceAsync(TrackedOrder order, decimal size, Price? price, Price? triggerPrice)
    {
        try
        {
            Price? reference = order.OrderType == OrderType.Market ? await ReferencePriceAsync(order.Market).ConfigureAwait(false) : null;
            OrderWire? wire = OrderWireBuilder.Build(order, order.Market, order.ReduceOnly, order.PostOnly, order.TimeInForce,
                order.SlippagePct ?? _config.MarketSlippage, reference, size, out string? error, price, triggerPrice);
            if (wire is null)
            {
                _tracker.OnModifyFailed(order, error ?? "the replacement cannot be expressed on Hyperliquid", _clock.UtcNowNs);
                return;
            }
            OrderIdentifier target = order.Oid is ulong oid ? OrderIdentifier.FromOid(oid) : OrderIdentifier.FromCloid(Cloid.Parse(order.Cloid));
            var result = await _exchange!.BatchModifyAsync(new BatchModifyAction([new ModifyWire(target, wire)]), Stopping).ConfigureAwait(false);
            long ts = _clock.UtcNowNs;
            if (!result.IsSuccess)
            {
                _tracker.OnModifyFailed(order, result.Error.Message, ts);
                return;
            }
            VenueOrderStatus status = result.Value.Count > 0 ? VenueMessages.ToStatus(result.Value[0]) : VenueOrderStatus.Rejected("the venue answered no status");
            if (_tracker.OnModifyResponse(order, status, ts) is { } correction) Correct(correction);
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Modify of {ClientOrderId} failed unexpectedly", order.ClientOrderId);
            _tracker.OnModifyFailed(order, $"internal error: {ex.Message}", _clock.UtcNowNs);
        }
    }

    /// <summary>
    /// A late fill of a replaced oid left the live venue order larger than what remains: shrink it to the remainder
    /// (a modify of the whole order at its quantity re-places exactly quantity − filled), or cancel it.
    /// </summary>
    private void Correct(VenueCorrection correction)
    {
        TrackedOrder order = correction.Order;
        _log.LogWarning("Order {ClientOrderId}: live oid {Oid} could over-fill; resizing it to {Size}", order.ClientOrderId, correction.Oid, correction.NewSize);
        if (correction.IsCancel)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.CancelAsync(s.Order, s.Oid), (Client: this, Order: order, Oid: correction.Oid),
                preferLocal: false);
            return;
        }
        decimal? size = _tracker.BeginModify(order, null, null, null, out string? error);
        if (size is null)
        {
            _log.LogWarning("Order {ClientOrderId}: correction not sent ({Error})", order.ClientOrderId, error);
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.ReplaceAsync(s.Order, s.Size, null, null), (Client: this, Order: order, Size: size.Value),
            preferLocal: false);
    }
}
