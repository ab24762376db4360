namespace Halyard.Core.Model;

/// <summary>Something that happened to a position, with its state right after.</summary>
public interface IPositionEvent
{
    PositionSnapshot Position { get; }
    Guid EventId { get; }
    long TsEvent { get; }
    long TsInit { get; }
}
