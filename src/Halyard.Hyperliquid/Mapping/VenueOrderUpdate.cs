namespace Halyard.Hyperliquid.Mapping;

/// <summary>One <c>orderUpdates</c> entry (or an open order from <c>frontendOpenOrders</c>, status "open").</summary>
/// <param name="Size">Size still open at the venue.</param>
/// <param name="OrigSize">Size the venue order was placed with.</param>
/// <param name="Status">"open", "filled", "canceled", "triggered", "rejected", or one of the *Canceled/*Rejected reasons.</param>
public sealed record VenueOrderUpdate(
    string Coin,
    ulong Oid,
    string? Cloid,
    bool IsBuy,
    decimal LimitPrice,
    decimal Size,
    decimal OrigSize,
    string Status,
    long StatusTimeMs,
    long PlacedTimeMs,
    bool ReduceOnly = false,
    decimal? TriggerPrice = null,
    string? OrderTypeName = null);
