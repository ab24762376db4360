namespace Halyard.Core.Model;

/// <summary>What <see cref="Order.Apply"/> did with an event.</summary>
public enum OrderTransitionOutcome
{
    /// <summary>The event was applied and recorded.</summary>
    Applied = 1,
    /// <summary>A repeat of an event already applied (same fill trade id, same accept); ignored.</summary>
    Duplicate = 2,
    /// <summary>Illegal in the order's state or inconsistent with it (e.g. an over-fill); nothing changed.</summary>
    Invalid = 3,
}
