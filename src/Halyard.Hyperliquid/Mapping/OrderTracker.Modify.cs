using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Mapping;

public sealed partial class OrderTracker
{
    /// <summary>
    /// Starts a modify (cancel-replace under the same cloid). Returns the size to send for the replacement: the
    /// new quantity minus what already filled, so a partially filled order is never re-opened in full.
    /// Null with <paramref name="error"/> when the modify cannot be sent.
    /// </summary>
    public decimal? BeginModify(TrackedOrder order, Quantity? quantity, Price? price, Price? triggerPrice, out string? error)
    {
        lock (_gate)
        {
            error = null;
            if (order.IsClosed) { error = "order is already closed at the venue"; return null; }
            if (order.Pending is not null) { error = "a modify of this order is already in flight"; return null; }
            Quantity newQty = quantity ?? order.Quantity;
            decimal size = newQty.ToDecimal() - order.Filled;
            if (size <= 0m) { error = $"new quantity {newQty} is not above the filled {order.Filled}"; return null; }
            order.Pending = new TrackedOrder.PendingModify(order.Oid, newQty, price ?? order.Price, triggerPrice ?? order.TriggerPrice, size);
            return size;
        }
    }

    /// <summary>The exchange's answer to a modify.</summary>
    public VenueCorrection? OnModifyResponse(TrackedOrder order, VenueOrderStatus status, long tsEventNs)
    {
        lock (_gate)
        {
            if (order.Pending is not { } pending)
                return null; // already completed by an order update or a fill of the new oid
            switch (status.Kind)
            {
                case VenueOrderStatusKind.Resting:
                case VenueOrderStatusKind.Filled:
                    CompleteModify(order, status.Oid, tsEventNs);
                    return CheckOverfill(order);
                case VenueOrderStatusKind.Waiting:
                    return null;
                default:
                    order.Pending = null;
                    _emit(new OrderModifyRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
                        pending.OldOid is ulong o ? new VenueOrderId(Id(o)) : null, AccountId,
                        status.Error ?? "modify rejected by the venue", Guid.NewGuid(), tsEventNs, _nowNs()));
                    return null;
            }
        }
    }

    /// <summary>The modify request as a whole failed; the old order is untouched.</summary>
    public void OnModifyFailed(TrackedOrder order, string reason, long tsEventNs) =>
        OnModifyResponse(order, VenueOrderStatus.Rejected(reason), tsEventNs);

    private void CompleteModify(TrackedOrder order, ulong newOid, long tsEventNs)
    {
        if (order.Pending is not { } pending) return;
        order.Pending = null;
        if (pending.OldOid is ulong old && old != newOid) order.ReplacedOids.Add(old);
        order.Oid = newOid;
        AdoptOid(order, newOid);
        order.Quantity = pending.Quantity;
        order.Price = pending.Price;
        order.TriggerPrice = pending.TriggerPrice;
        order.VenueSize = pending.SentSize;
        order.FilledOnLiveOid = 0m;
        _emit(new OrderUpdated(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
            new VenueOrderId(Id(newOid)), AccountId, pending.Quantity, pending.Price, pending.TriggerPrice, Guid.NewGuid(), tsEventNs, _nowNs()));
    }

    /// <summary>The exchange's answer to a cancel: "success" closes the order, an error is a cancel rejection.</summary>
    public void OnCancelResponse(TrackedOrder order, string? error, long tsEventNs)
    {
        lock (_gate)
        {
            if (error is null) { EmitCanceled(order, 0, tsEventNs); return; }
            if (order.IsClosed) return; // it filled or was canceled meanwhile; the venue's "never placed/filled" is expected
            _emit(new OrderCancelRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
                order.Oid is ulong o ? new VenueOrderId(Id(o)) : null, AccountId, error, Guid.NewGuid(), tsEventNs, _nowNs()));
        }
    }
}
