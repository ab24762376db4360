namespace Halyard.Core.Matching;

/// <summary>A trigger order that fired on a mark-price update, and what became of it.</summary>
public readonly record struct TriggeredOrder(OpenOrder Order, PlaceResult Result);
