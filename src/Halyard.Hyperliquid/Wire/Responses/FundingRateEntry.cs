namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>One entry of <c>fundingHistory</c>.</summary>
public sealed record FundingRateEntry
{
    public required string Coin { get; init; }
    public required decimal FundingRate { get; init; }
    public decimal Premium { get; init; }
    public required long Time { get; init; }
}
