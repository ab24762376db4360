namespace Halyard.Core.Matching;

/// <summary>The per-order status an order placement answers with.</summary>
public enum PlaceOutcome
{
    /// <summary>The order (or its remainder after partial fills) rests on the book.</summary>
    Resting = 1,
    /// <summary>The order filled completely, or an IOC filled partly and its remainder was cancelled.</summary>
    Filled = 2,
    /// <summary>The order was rejected; see <see cref="PlaceResult.Error"/>.</summary>
    Error = 3,
    /// <summary>A trigger order was accepted and waits for the mark price.</summary>
    WaitingForTrigger = 4,
    /// <summary>A TP/SL child of a resting parent: placed when the parent fills (no oid yet).</summary>
    WaitingForFill = 5,
}
