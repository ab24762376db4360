namespace Halyard.Persistence.Redis;

/// <summary>Stored state cannot be read back (malformed JSON, an unknown event type, a history that does not replay); names the Redis key at fault.</summary>
public sealed class StoredStateException(string key, string problem, Exception? inner = null)
    : Exception($"stored state at '{key}' is malformed: {problem}", inner)
{
    /// <summary>The Redis key (with the list index or hash field when there is one) that holds the bad value.</summary>
    public string Key { get; } = key;
}
