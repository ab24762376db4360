namespace Halyard.Core.Model;

/// <summary>Flags on a book delta (bit values as NautilusTrader defines them).</summary>
[Flags]
public enum RecordFlags : byte
{
    None = 0,
    /// <summary>Part of a snapshot (the book is rebuilt from a clear).</summary>
    Snapshot = 32,
    /// <summary>Last delta of one venue update: the book is consistent after it.</summary>
    Last = 128,
}
