namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>One entry of the <c>userFunding</c> info answer: a funding payment on one position.</summary>
public sealed record UserFundingEntry
{
    public required long Time { get; init; }
    public string? Hash { get; init; }
    public required UserFundingDelta Delta { get; init; }
}
