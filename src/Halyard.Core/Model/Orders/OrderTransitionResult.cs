namespace Halyard.Core.Model;

/// <summary>The result of applying an event to an order: whether it changed anything, and if not why.</summary>
public readonly record struct OrderTransitionResult(OrderTransitionOutcome Outcome, OrderStatus Before, OrderStatus After, string? Error)
{
    public bool IsApplied => Outcome == OrderTransitionOutcome.Applied;
    public bool IsDuplicate => Outcome == OrderTransitionOutcome.Duplicate;
    public bool IsInvalid => Outcome == OrderTransitionOutcome.Invalid;

    internal static OrderTransitionResult Applied(OrderStatus before, OrderStatus after) => new(OrderTransitionOutcome.Applied, before, after, null);
    internal static OrderTransitionResult Duplicate(OrderStatus status, string message) => new(OrderTransitionOutcome.Duplicate, status, status, message);
    internal static OrderTransitionResult Invalid(OrderStatus status, string error) => new(OrderTransitionOutcome.Invalid, status, status, error);
}
