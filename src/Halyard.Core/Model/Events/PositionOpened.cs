namespace Halyard.Core.Model;

/// <summary>A position was opened from flat (including the new side after a flip).</summary>
public sealed record PositionOpened(PositionSnapshot Position, Guid EventId, long TsEvent, long TsInit) : IPositionEvent;
