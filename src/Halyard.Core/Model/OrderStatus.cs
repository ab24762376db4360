namespace Halyard.Core.Model;

/// <summary>Where an order is in its life (see the order state machine).</summary>
public enum OrderStatus
{
    Initialized = 1,
    Denied = 2,
    Submitted = 3,
    Accepted = 4,
    Rejected = 5,
    Canceled = 6,
    Expired = 7,
    Triggered = 8,
    PendingUpdate = 9,
    PendingCancel = 10,
    PartiallyFilled = 11,
    Filled = 12,
}
