namespace Halyard.Persistence.Redis;

/// <summary>How a <see cref="RedisExecutionStore"/> queues and writes. Immutable; <see cref="Validate"/> names the field at fault.</summary>
public sealed record RedisExecutionStoreOptions
{
    /// <summary>Records held while Redis is slow or down; beyond it new records are dropped (counted, logged), never blocking the kernel.</summary>
    public int QueueCapacity { get; init; } = 100_000;
    /// <summary>Records written in one pipelined batch.</summary>
    public int BatchSize { get; init; } = 256;
    /// <summary>First wait before retrying a failed batch; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public RedisExecutionStoreOptions Validate()
    {
        if (QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be at least 1");
        if (RetryDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "must be positive");
        if (MaxRetryDelay < RetryDelay) throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "must be at least RetryDelay");
        return this;
    }
}
