namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>userFundings</c> data; a snapshot first, then hourly updates.</summary>
public sealed record UserFundingsPush
{
    public bool IsSnapshot { get; init; }
    public required string User { get; init; }
    public required IReadOnlyList<FundingPayment> Fundings { get; init; }
}
