using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>A copy of an order's state at one moment (open-order queries and order updates).</summary>
/// <param name="SzRaw">Size still working.</param>
/// <param name="OrigSzRaw">Size as placed (after a reduce-only clamp).</param>
/// <param name="TimestampNs">When the order was placed.</param>
/// <param name="Trigger">Trigger definition for stop/take-profit orders; null for plain limit orders.</param>
/// <param name="IsTriggered">True once a trigger order has fired and works as a normal order.</param>
public readonly record struct OpenOrder(
    long Oid,
    string? Cloid,
    string Account,
    string Coin,
    OrderSide Side,
    long PxRaw,
    long SzRaw,
    long OrigSzRaw,
    MatchingTif Tif,
    bool ReduceOnly,
    long TimestampNs,
    OrderTrigger? Trigger,
    bool IsTriggered);
