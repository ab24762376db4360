namespace Halyard.Hyperliquid.Mapping;

/// <summary>What the exchange answered for one order of an order (or modify) action.</summary>
public readonly record struct VenueOrderStatus(VenueOrderStatusKind Kind, ulong Oid = 0, decimal FilledSize = 0, decimal AvgPrice = 0, string? Error = null)
{
    public static VenueOrderStatus Resting(ulong oid) => new(VenueOrderStatusKind.Resting, oid);
    public static VenueOrderStatus Filled(ulong oid, decimal totalSize, decimal avgPrice) => new(VenueOrderStatusKind.Filled, oid, totalSize, avgPrice);
    public static VenueOrderStatus Rejected(string error) => new(VenueOrderStatusKind.Error, Error: error);
    /// <summary>A trigger order accepted but not yet live; its oid arrives with the order update.</summary>
    public static VenueOrderStatus Waiting() => new(VenueOrderStatusKind.Waiting);
}

public enum VenueOrderStatusKind
{
    Resting = 1,
    Filled = 2,
    Error = 3,
    Waiting = 4,
}
