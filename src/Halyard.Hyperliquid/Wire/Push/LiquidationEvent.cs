using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>A liquidation user event (snake_case keys on the wire).</summary>
public sealed record LiquidationEvent
{
    public required long Lid { get; init; }
    public required string Liquidator { get; init; }
    [JsonPropertyName("liquidated_user")] public required string LiquidatedUser { get; init; }
    [JsonPropertyName("liquidated_ntl_pos")] public required decimal LiquidatedNtlPos { get; init; }
    [JsonPropertyName("liquidated_account_value")] public required decimal LiquidatedAccountValue { get; init; }
}
