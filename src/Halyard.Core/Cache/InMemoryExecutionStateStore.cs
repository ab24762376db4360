using Halyard.Core.Model;

namespace Halyard.Core.Cache;

/// <summary>
/// Keeps the execution state in memory: survives a node being rebuilt in the same process (tests, a backtest
/// handing over to a live run), not a process restart. Every record is kept as recorded, so tests can read
/// exactly what a node sent to its store.
/// </summary>
public sealed class InMemoryExecutionStateStore : IExecutionStateStore
{
    private readonly Lock _gate = new();
    private readonly List<IOrderEvent> _events = [];
    private readonly Dictionary<ClientOrderId, bool> _working = [];
    private readonly Dictionary<PositionId, PositionSnapshot> _positions = [];
    private readonly Dictionary<AccountId, AccountState> _accounts = [];
    private readonly Dictionary<StrategyId, int> _counts = [];

    /// <summary>Every order event recorded, in order.</summary>
    public IReadOnlyList<IOrderEvent> OrderEvents
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>Orders whose last record said open or in flight.</summary>
    public IReadOnlyList<ClientOrderId> WorkingOrderIds
    {
        get { lock (_gate) return [.. _working.Where(w => w.Value).Select(w => w.Key)]; }
    }

    public Task<ExecutionState> LoadAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            var orders = _events.GroupBy(e => e.ClientOrderId).Select(g => Order.FromEvents(g)).ToList();
            var fills = _events.OfType<OrderFilled>().ToList();
            OrderFilled? last = fills.Count == 0 ? null : fills.MaxBy(f => f.TsEvent);
            return Task.FromResult(new ExecutionState(orders, fills, [.. _positions.Values], [.. _accounts.Values],
                new Dictionary<StrategyId, int>(_counts), last?.TsEvent,
                last is null ? [] : [.. fills.Where(f => f.TsEvent == last.TsEvent).Select(f => f.TradeId)]));
        }
    }

    public void RecordOrderEvent(IOrderEvent orderEvent, bool isWorking)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        lock (_gate)
        {
            _events.Add(orderEvent);
            _working[orderEvent.ClientOrderId] = isWorking;
        }
    }

    public void RecordPosition(PositionSnapshot position)
    {
        lock (_gate) _positions[position.PositionId] = position;
    }

    public void RecordAccount(AccountState state)
    {
        lock (_gate) _accounts[state.AccountId] = state;
    }

    public void RecordClientOrderIdCount(StrategyId strategyId, int count)
    {
        lock (_gate) _counts[strategyId] = count;
    }

    public Task<bool> FlushAsync(CancellationToken ct) => Task.FromResult(true);
}
