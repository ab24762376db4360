namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>An open order with trigger details and TP/SL children (<c>frontendOpenOrders</c>, <c>orderStatus</c>).</summary>
public sealed record FrontendOpenOrder
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
    public string? TriggerCondition { get; init; }
    public bool IsTrigger { get; init; }
    public decimal? TriggerPx { get; init; }
    public IReadOnlyList<FrontendOpenOrder> Children { get; init; } = [];
    public bool IsPositionTpsl { get; init; }
    /// <summary>"Limit", "Stop Market", "Take Profit Market", "Market", …</summary>
    public string? OrderType { get; init; }
    /// <summary>"Gtc", "Alo", "Ioc", "FrontendMarket" or null for trigger orders.</summary>
    public string? Tif { get; init; }

    public bool IsBuy => Side == "B";
}
