using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Mapping;

public sealed partial class OrderTracker
{
    /// <summary>One <c>orderUpdates</c> entry.</summary>
    public void OnOrderUpdate(VenueOrderUpdate update)
    {
        lock (_gate)
        {
            TrackedOrder? order = Lookup(update.Cloid, update.Oid);
            if (order is null)
            {
                if (ExternalReport(update) is { } report) _emit(report);
                return;
            }
            long ts = MsToNs(update.StatusTimeMs);
            // The replaced oid's cancel is the first half of our own modify, not the order's end.
            if (order.ReplacedOids.Contains(update.Oid)) return;
            if (order.Pending is { } pending && order.Oid is ulong live && update.Oid != live && pending.OldOid == live)
            {
                if (update.Status == "open") { CompleteModify(order, update.Oid, ts); return; }
            }
            else if (order.Pending is { OldOid: ulong old } && update.Oid == old && IsCancelStatus(update.Status))
            {
                return; // the cancel half of a modify in flight
            }

            switch (update.Status)
            {
                case "open":
                    Accept(order, update.Oid, ts);
                    break;
                case "triggered":
                    Accept(order, update.Oid, ts);
                    if (!order.IsTriggered && !order.IsClosed)
                    {
                        order.IsTriggered = true;
                        _emit(new OrderTriggered(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
                            new VenueOrderId(Id(update.Oid)), AccountId, Guid.NewGuid(), ts, _nowNs()));
                    }
                    break;
                case "filled":
                    Accept(order, update.Oid, ts); // fills themselves come from the fill stream, with trade ids and fees
                    break;
                default:
                    if (IsRejectStatus(update.Status) && !order.IsAccepted) Reject(order, update.Status, ts);
                    else EmitCanceled(order, update.Oid, ts);
                    break;
            }
        }
    }

    private void EmitCanceled(TrackedOrder order, ulong oid, long tsEventNs)
    {
        if (order.IsClosed) return;
        if (oid != 0 && order.Oid is ulong live && oid != live) return; // not the live venue order
        Close(order);
        order.Pending = null;
        _emit(new OrderCanceled(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
            order.Oid is ulong o ? new VenueOrderId(Id(o)) : null, AccountId, Guid.NewGuid(), tsEventNs, _nowNs()));
    }

    private static bool IsCancelStatus(string status) =>
        status == "canceled" || status == "scheduledCancel" || status.EndsWith("Canceled", StringComparison.Ordinal);

    private static bool IsRejectStatus(string status) =>
        status == "rejected" || status.EndsWith("Rejected", StringComparison.Ordinal);
}
