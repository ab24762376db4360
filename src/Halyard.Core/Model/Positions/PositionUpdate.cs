namespace Halyard.Core.Model;

/// <summary>The result of <see cref="Position.Apply"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="RealizedPnl">PnL this fill realized, net of its commission when paid in the settlement currency.</param>
/// <param name="ClosedLeg">For <see cref="PositionChangeKind.Flipped"/>: the old side's state at the moment it went flat.</param>
/// <param name="Error">For <see cref="PositionChangeKind.Duplicate"/> and <see cref="PositionChangeKind.Invalid"/>: why nothing changed.</param>
public readonly record struct PositionUpdate(PositionChangeKind Kind, Money RealizedPnl, PositionSnapshot? ClosedLeg = null, string? Error = null)
{
    /// <summary>True when the fill changed the position.</summary>
    public bool IsApplied => Kind is PositionChangeKind.Opened or PositionChangeKind.Changed or PositionChangeKind.Closed or PositionChangeKind.Flipped;
}
