namespace Halyard.Persistence.Catalog;

/// <summary>A catalog file that cannot be read: corrupt, truncated, foreign, or of a newer schema version.</summary>
public sealed class CatalogFormatException : Exception
{
    public string Path { get; }
    public string Reason { get; }

    /// <summary>True when the file was written by a newer schema version than this build reads.</summary>
    public bool IsNewerSchema { get; }

    public CatalogFormatException(string path, string reason, bool isNewerSchema = false, Exception? inner = null)
        : base($"catalog file '{path}': {reason}", inner)
    {
        Path = path;
        Reason = reason;
        IsNewerSchema = isNewerSchema;
    }
}
