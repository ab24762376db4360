namespace Halyard.Hyperliquid.Wire;

/// <summary>The outcome of validating a price or size against the venue's rules: valid, or why not.</summary>
public readonly record struct WireCheck(bool IsValid, string? Reason)
{
    public static WireCheck Valid { get; } = new(true, null);

    public static WireCheck Invalid(string reason) => new(false, reason);

    public override string ToString() => IsValid ? "valid" : Reason!;
}
