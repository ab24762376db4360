namespace Halyard.Cli.Hosting;

/// <summary>A config file is missing, malformed or invalid; <see cref="Field"/> is the path of the field at fault in the file.</summary>
public sealed class ConfigFileException(string field, string problem, Exception? inner = null)
    : Exception($"{field}: {problem}", inner)
{
    public string Field { get; } = field;
}
