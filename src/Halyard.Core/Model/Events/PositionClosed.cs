namespace Halyard.Core.Model;

/// <summary>A position went flat (including the old side of a flip).</summary>
public sealed record PositionClosed(PositionSnapshot Position, Guid EventId, long TsEvent, long TsInit) : IPositionEvent;
