using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>orderStatus</c> response: <c>{"status":"order","order":{…}}</c> or <c>{"status":"unknownOid"}</c>.</summary>
public sealed record OrderStatusResponse
{
    public required string Status { get; init; }
    public OrderStatusDetail? Order { get; init; }

    /// <summary>The venue has never seen this oid/cloid (it never landed, or it is not this user's).</summary>
    [JsonIgnore] public bool IsUnknown => Order is null;
}
