namespace Halyard.Core.Matching;

/// <summary>Why an order changed state; maps to the exchange's order status strings.</summary>
public enum OrderUpdateStatus
{
    /// <summary>Rests on the book, or waits for its trigger ("open").</summary>
    Open = 1,
    /// <summary>Completely filled ("filled").</summary>
    Filled = 2,
    /// <summary>Cancelled by its owner, by a modify, or an IOC remainder ("canceled").</summary>
    Canceled = 3,
    /// <summary>A trigger order fired ("triggered"); another update follows with its fate.</summary>
    Triggered = 4,
    /// <summary>Resting order cancelled because its owner's order crossed it ("selfTradeCanceled").</summary>
    SelfTradeCanceled = 5,
    /// <summary>Reduce-only order cancelled because it would no longer reduce ("reduceOnlyCanceled").</summary>
    ReduceOnlyCanceled = 6,
    /// <summary>Cancelled by the account's scheduled cancel ("scheduledCancel").</summary>
    ScheduledCancel = 7,
    /// <summary>Cancelled because the account was liquidated ("liquidatedCanceled").</summary>
    LiquidatedCanceled = 8,
    /// <summary>Triggered order cancelled for insufficient margin ("marginCanceled").</summary>
    MarginCanceled = 9,
    /// <summary>A TP/SL child cancelled because its sibling filled ("siblingFilledCanceled").</summary>
    SiblingFilledCanceled = 10,
}
