namespace Halyard.Core.Model;

/// <summary>An open position was increased or reduced without going flat.</summary>
public sealed record PositionChanged(PositionSnapshot Position, Guid EventId, long TsEvent, long TsInit) : IPositionEvent;
