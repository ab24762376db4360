using Halyard.Core.Model;

namespace Halyard.Persistence.Redis;

/// <summary>One record waiting for the writer. Its sequence number is given once, on first write, so a retried batch reuses it and the loader can drop the duplicate.</summary>
internal sealed class PendingWrite
{
    public required object Payload { get; init; }
    public bool IsWorking { get; init; }
    public StrategyId StrategyId { get; init; }
    public int Count { get; init; }
    public long Seq { get; set; }
}
