namespace Halyard.Core.Node;

/// <summary>A configuration value is invalid; <see cref="ArgumentException.ParamName"/> names the field.</summary>
public sealed class ConfigException(string field, object? value, string problem)
    : ArgumentException($"{field} {problem} (was {value ?? "null"})", field)
{
    public string Field { get; } = field;
}
