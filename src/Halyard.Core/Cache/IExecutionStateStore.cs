using Halyard.Core.Model;

namespace Halyard.Core.Cache;

/// <summary>
/// Keeps the execution state (orders, positions, accounts, id counters) outside the process so a restarted
/// node knows what it had sent. The node loads it before reconciling and feeds it every event from the bus.
/// Core holds only this seam; a Redis implementation lives in Persistence.
/// </summary>
public interface IExecutionStateStore
{
    /// <summary>Reads everything persisted for this trader; called once at start, off the kernel thread. Throws when stored data is malformed (naming the key).</summary>
    Task<ExecutionState> LoadAsync(CancellationToken ct);

    /// <summary>An order event was applied; <paramref name="isWorking"/> is true while the order is open or in flight. Kernel thread: must return at once.</summary>
    void RecordOrderEvent(IOrderEvent orderEvent, bool isWorking);

    /// <summary>A position changed; its latest snapshot. Kernel thread: must return at once.</summary>
    void RecordPosition(PositionSnapshot position);

    /// <summary>An account's latest state. Kernel thread: must return at once.</summary>
    void RecordAccount(AccountState state);

    /// <summary>How many client order ids a strategy has generated, so none is reused after a restart. Kernel thread: must return at once.</summary>
    void RecordClientOrderIdCount(StrategyId strategyId, int count);

    /// <summary>Waits until everything recorded so far is written (or <paramref name="ct"/> fires); true when all was written.</summary>
    Task<bool> FlushAsync(CancellationToken ct);
}
