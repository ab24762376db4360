namespace Halyard.Core.Messaging;

/// <summary>Which field of a <see cref="KernelMessage"/> carries the payload.</summary>
public enum KernelMessageKind : byte
{
    None = 0,
    Quote = 1,
    Trade = 2,
    MarkPrice = 3,
    Time = 4,
    /// <summary>Any reference-type message: book deltas, bars, instruments, order events, reports, actions.</summary>
    Object = 5,
}
