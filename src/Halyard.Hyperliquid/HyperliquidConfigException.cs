namespace Halyard.Hyperliquid;

/// <summary>
/// A configuration value is missing or invalid. The message names the field and the rule; the value is
/// shown only when it is not a secret (pass null for secrets).
/// </summary>
public sealed class HyperliquidConfigException : Exception
{
    public HyperliquidConfigException(string field, object? value, string problem)
        : base(value is null ? $"{field} {problem}" : $"{field} {problem} (got {value})")
    {
        Field = field;
    }

    /// <summary>The configuration field at fault, e.g. "MaxRetries".</summary>
    public string Field { get; }
}
