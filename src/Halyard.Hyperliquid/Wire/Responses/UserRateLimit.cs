namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>The <c>userRateLimit</c> response: address-based action budget usage.</summary>
public sealed record UserRateLimit
{
    public decimal CumVlm { get; init; }
    public required long NRequestsUsed { get; init; }
    public required long NRequestsCap { get; init; }
    /// <summary>Only in newer responses; 0 when absent.</summary>
    public long NRequestsSurplus { get; init; }
}
