namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>An open order from <c>openOrders</c> or inside an <c>orderUpdates</c> push; side "B" buy, "A" sell.</summary>
public sealed record OpenOrder
{
    public required string Coin { get; init; }
    public required string Side { get; init; }
    public required decimal LimitPx { get; init; }
    public required decimal Sz { get; init; }
    public required long Oid { get; init; }
    public required long Timestamp { get; init; }
    public required decimal OrigSz { get; init; }
    public string? Cloid { get; init; }
    public bool ReduceOnly { get; init; }

    public bool IsBuy => Side == "B";
}
