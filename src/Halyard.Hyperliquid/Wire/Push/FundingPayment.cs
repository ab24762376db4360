namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>An hourly funding payment (<c>user</c> funding event, <c>userFundings</c>); negative usdc = paid.</summary>
public sealed record FundingPayment
{
    public required long Time { get; init; }
    public required string Coin { get; init; }
    public required decimal Usdc { get; init; }
    public required decimal Szi { get; init; }
    public required decimal FundingRate { get; init; }
    public int? NSamples { get; init; }
}
