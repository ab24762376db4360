namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>delta</c> of a <c>userFunding</c> entry (<c>type</c> is "funding"); negative usdc = paid.</summary>
public sealed record UserFundingDelta
{
    public string Type { get; init; } = "funding";
    public required string Coin { get; init; }
    public required decimal Usdc { get; init; }
    public required decimal Szi { get; init; }
    public required decimal FundingRate { get; init; }
    public int? NSamples { get; init; }
}
