namespace Halyard.Core.Model;

/// <summary>What a fill did to a position; tells the engine which position events to emit.</summary>
public enum PositionChangeKind
{
    /// <summary>Opened from flat (first fill, or a fill after it was closed). Emit PositionOpened.</summary>
    Opened = 1,
    /// <summary>Increased or partly reduced; still open on the same side. Emit PositionChanged.</summary>
    Changed = 2,
    /// <summary>Reduced to flat. Emit PositionClosed.</summary>
    Closed = 3,
    /// <summary>Crossed through flat: the old side closed and the remainder opened the other side.
    /// Emit PositionClosed (from <see cref="PositionUpdate.ClosedLeg"/>) then PositionOpened.</summary>
    Flipped = 4,
    /// <summary>A fill (same trade id) already applied; nothing changed.</summary>
    Duplicate = 5,
    /// <summary>The fill does not belong to this position; nothing changed (see <see cref="PositionUpdate.Error"/>).</summary>
    Invalid = 6,
}
