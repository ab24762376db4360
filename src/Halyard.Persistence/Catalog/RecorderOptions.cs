namespace Halyard.Persistence.Catalog;

/// <summary>How the <see cref="DataRecorder"/> buffers and flushes.</summary>
public sealed record RecorderOptions
{
    /// <summary>Items each kind's queue holds before <c>Record</c> starts dropping (and counting) them.</summary>
    public int QueueCapacity { get; init; } = 262_144;

    /// <summary>A stream (kind and instrument) is written once it buffers this many rows.</summary>
    public int FlushRows { get; init; } = 200_000;

    /// <summary>…or once its oldest buffered row is this old: the most a crash can lose.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The age flush of sparse kinds (bars, mark prices, funding rates), so they are not a file per row;
    /// what a crash loses of them can be backfilled from the venue.
    /// </summary>
    public TimeSpan SparseFlushInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the writer sleeps when the queues are empty.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    public void Validate()
    {
        if (QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "must be positive");
        if (FlushRows < 1) throw new ArgumentOutOfRangeException(nameof(FlushRows), FlushRows, "must be positive");
        if (FlushInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "must be positive");
        if (SparseFlushInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SparseFlushInterval), SparseFlushInterval, "must be positive");
        if (PollInterval <= TimeSpan.Zero || PollInterval > FlushInterval)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "must be positive and at most the flush interval");
    }
}
