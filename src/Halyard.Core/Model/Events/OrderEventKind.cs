namespace Halyard.Core.Model;

/// <summary>The kinds of <see cref="IOrderEvent"/>, one per event type.</summary>
public enum OrderEventKind
{
    Initialized = 1,
    Denied,
    Submitted,
    Accepted,
    Rejected,
    Canceled,
    Expired,
    Triggered,
    PendingUpdate,
    PendingCancel,
    ModifyRejected,
    CancelRejected,
    Updated,
    Filled,
}
