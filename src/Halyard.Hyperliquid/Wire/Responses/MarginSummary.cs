namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Account value and margin totals (USDC) inside <c>clearinghouseState</c>.</summary>
public sealed record MarginSummary
{
    public required decimal AccountValue { get; init; }
    public required decimal TotalNtlPos { get; init; }
    public required decimal TotalRawUsd { get; init; }
    public required decimal TotalMarginUsed { get; init; }
}
