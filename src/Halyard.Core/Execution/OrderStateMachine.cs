using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>
/// The legal order status transitions, as a pure function. <see cref="Order.Apply"/> consults it before
/// changing anything, so an illegal event is reported, never half-applied.
/// </summary>
/// <remarks>
/// Rules worth knowing:
/// <list type="bullet">
/// <item>Fills may arrive before the accept (some venues report the execution first), so Submitted → PartiallyFilled/Filled is legal and a late accept on a partially filled order keeps it PartiallyFilled.</item>
/// <item>A pending state (PendingUpdate, PendingCancel) remembers the status underneath it. Events that do not resolve the request (an accept, a partial fill, a trigger) update that underlying status and leave the order pending; OrderUpdated / OrderModifyRejected resolve PendingUpdate and OrderCancelRejected resolves PendingCancel back to the underlying status. A fill that completes the order ends in Filled from anywhere.</item>
/// <item>The venue's truth wins over our cancel: a fill after Canceled or Expired is applied. If it completes the quantity the order becomes Filled; otherwise it stays Canceled/Expired with the fill counted.</item>
/// <item>Late OrderModifyRejected / OrderCancelRejected ("already filled", "already canceled") are legal in any state but Denied/Rejected and change nothing.</item>
/// </list>
/// </remarks>
public static class OrderStateMachine
{
    /// <summary>The status after applying an event of <paramref name="kind"/>, or false when the transition is illegal.</summary>
    /// <param name="current">The order's status.</param>
    /// <param name="underlying">For a pending status, the status beneath it (ignored otherwise).</param>
    /// <param name="fillCompletesOrder">For fills: whether this fill brings the filled quantity to the order quantity.</param>
    /// <param name="next">The new status.</param>
    /// <param name="nextUnderlying">The status beneath <paramref name="next"/> when it is pending; otherwise equal to <paramref name="next"/>.</param>
    public static bool TryTransition(OrderStatus current, OrderStatus underlying, OrderEventKind kind, bool fillCompletesOrder,
        out OrderStatus next, out OrderStatus nextUnderlying)
    {
        if (current is OrderStatus.PendingUpdate or OrderStatus.PendingCancel)
            return TryFromPending(current, underlying, kind, fillCompletesOrder, out next, out nextUnderlying);

        OrderStatus? result = FromSettled(current, kind, fillCompletesOrder);
        next = result ?? current;
        nextUnderlying = kind switch
        {
            // Entering a pending state remembers where we came from.
            OrderEventKind.PendingUpdate or OrderEventKind.PendingCancel => current,
            _ => next,
        };
        return result is not null;
    }

    /// <summary>True for statuses no event other than a late fill or a late rejection report can change.</summary>
    public static bool IsTerminal(OrderStatus status) =>
        status is OrderStatus.Denied or OrderStatus.Rejected or OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Filled;

    private static bool TryFromPending(OrderStatus pending, OrderStatus underlying, OrderEventKind kind, bool fillCompletesOrder,
        out OrderStatus next, out OrderStatus nextUnderlying)
    {
        next = pending;
        nextUnderlying = underlying;
        switch (kind)
        {
            case OrderEventKind.Rejected:
            case OrderEventKind.Canceled:
            case OrderEventKind.Expired:
                next = nextUnderlying = Terminal(kind);
                return true;
            case OrderEventKind.PendingCancel:
                next = OrderStatus.PendingCancel; // a retried cancel, or a cancel sent while a modify is in flight
                return true;
            case OrderEventKind.PendingUpdate:
                return pending == OrderStatus.PendingUpdate; // no modify once a cancel is in flight
            case OrderEventKind.Updated when pending == OrderStatus.PendingUpdate:
            case OrderEventKind.ModifyRejected when pending == OrderStatus.PendingUpdate:
            case OrderEventKind.CancelRejected when pending == OrderStatus.PendingCancel:
                next = nextUnderlying = underlying; // the request is resolved
                return true;
        }

        OrderStatus? beneath = FromSettled(underlying, kind, fillCompletesOrder);
        if (beneath is null) return false;
        if (beneath == OrderStatus.Filled)
        {
            next = nextUnderlying = OrderStatus.Filled;
            return true;
        }
        nextUnderlying = beneath.Value; // still waiting for the venue's answer to our request
        return true;
    }

    /// <summary>The transition table for statuses that are not pending; null when illegal.</summary>
    private static OrderStatus? FromSettled(OrderStatus current, OrderEventKind kind, bool fillCompletesOrder)
    {
        OrderStatus fill = fillCompletesOrder ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        return (current, kind) switch
        {
            (OrderStatus.Initialized, OrderEventKind.Denied) => OrderStatus.Denied,
            (OrderStatus.Initialized, OrderEventKind.Submitted) => OrderStatus.Submitted,
            (OrderStatus.Initialized, OrderEventKind.Rejected) => OrderStatus.Rejected,
            (OrderStatus.Initialized, OrderEventKind.Accepted) => OrderStatus.Accepted, // an order reconciled from the venue
            (OrderStatus.Initialized, OrderEventKind.Canceled) => OrderStatus.Canceled, // canceled before it was sent
            (OrderStatus.Initialized, OrderEventKind.Expired) => OrderStatus.Expired,

            (OrderStatus.Submitted, OrderEventKind.Accepted) => OrderStatus.Accepted,
            (OrderStatus.Submitted, OrderEventKind.Rejected) => OrderStatus.Rejected,
            (OrderStatus.Submitted, OrderEventKind.Canceled) => OrderStatus.Canceled,
            (OrderStatus.Submitted, OrderEventKind.Triggered) => OrderStatus.Triggered,
            (OrderStatus.Submitted, OrderEventKind.Updated) => OrderStatus.Submitted,
            (OrderStatus.Submitted, OrderEventKind.PendingUpdate) => OrderStatus.PendingUpdate,
            (OrderStatus.Submitted, OrderEventKind.PendingCancel) => OrderStatus.PendingCancel,
            (OrderStatus.Submitted, OrderEventKind.Filled) => fill, // the fill can beat the accept

            (OrderStatus.Accepted, OrderEventKind.Rejected) => OrderStatus.Rejected, // e.g. a stop-limit refused when it triggers
            (OrderStatus.Accepted, OrderEventKind.Canceled) => OrderStatus.Canceled,
            (OrderStatus.Accepted, OrderEventKind.Expired) => OrderStatus.Expired,
            (OrderStatus.Accepted, OrderEventKind.Triggered) => OrderStatus.Triggered,
            (OrderStatus.Accepted, OrderEventKind.Updated) => OrderStatus.Accepted,
            (OrderStatus.Accepted, OrderEventKind.PendingUpdate) => OrderStatus.PendingUpdate,
            (OrderStatus.Accepted, OrderEventKind.PendingCancel) => OrderStatus.PendingCancel,
            (OrderStatus.Accepted, OrderEventKind.Filled) => fill,

            (OrderStatus.Triggered, OrderEventKind.Rejected) => OrderStatus.Rejected,
            (OrderStatus.Triggered, OrderEventKind.Canceled) => OrderStatus.Canceled,
            (OrderStatus.Triggered, OrderEventKind.Expired) => OrderStatus.Expired,
            (OrderStatus.Triggered, OrderEventKind.Updated) => OrderStatus.Triggered,
            (OrderStatus.Triggered, OrderEventKind.PendingUpdate) => OrderStatus.PendingUpdate,
            (OrderStatus.Triggered, OrderEventKind.PendingCancel) => OrderStatus.PendingCancel,
            (OrderStatus.Triggered, OrderEventKind.Filled) => fill,

            (OrderStatus.PartiallyFilled, OrderEventKind.Accepted) => OrderStatus.PartiallyFilled, // the accept arrived after a fill
            (OrderStatus.PartiallyFilled, OrderEventKind.Canceled) => OrderStatus.Canceled,
            (OrderStatus.PartiallyFilled, OrderEventKind.Expired) => OrderStatus.Expired,
            (OrderStatus.PartiallyFilled, OrderEventKind.Updated) => OrderStatus.PartiallyFilled,
            (OrderStatus.PartiallyFilled, OrderEventKind.PendingUpdate) => OrderStatus.PendingUpdate,
            (OrderStatus.PartiallyFilled, OrderEventKind.PendingCancel) => OrderStatus.PendingCancel,
            (OrderStatus.PartiallyFilled, OrderEventKind.Filled) => fill,

            // The venue's truth wins: a fill that raced our cancel or the expiry still happened.
            (OrderStatus.Canceled, OrderEventKind.Filled) => fillCompletesOrder ? OrderStatus.Filled : OrderStatus.Canceled,
            (OrderStatus.Expired, OrderEventKind.Filled) => fillCompletesOrder ? OrderStatus.Filled : OrderStatus.Expired,

            // Late answers to a modify or cancel ("already filled") are informational everywhere but Denied/Rejected.
            (not (OrderStatus.Initialized or OrderStatus.Denied or OrderStatus.Rejected),
                OrderEventKind.ModifyRejected or OrderEventKind.CancelRejected) => current,

            _ => null,
        };
    }

    private static OrderStatus Terminal(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Rejected => OrderStatus.Rejected,
        OrderEventKind.Canceled => OrderStatus.Canceled,
        _ => OrderStatus.Expired,
    };

    /// <summary>A status as the error messages print it: FILLED, PARTIALLY_FILLED.</summary>
    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.PendingUpdate => "PENDING_UPDATE",
        OrderStatus.PendingCancel => "PENDING_CANCEL",
        _ => status.ToString().ToUpperInvariant(),
    };
}
