using Halyard.Core.Cache;
using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Node;

/// <summary>
/// Feeds an <see cref="IExecutionStateStore"/> from the bus, on the kernel thread. A strategy's OrderInitialized
/// is not published, so each event seen records every event of its order the store has not had yet.
/// </summary>
internal sealed class ExecutionStateRecorder
{
    private readonly IExecutionStateStore _store;
    private readonly TradingKernel _kernel;
    private readonly Dictionary<ClientOrderId, int> _recorded = [];
    private readonly Dictionary<StrategyId, int> _counts = [];

    public ExecutionStateRecorder(IExecutionStateStore store, TradingKernel kernel)
    {
        _store = store;
        _kernel = kernel;
        kernel.Bus.Subscribe<IOrderEvent>("events.order.*", OnOrderEvent);
        kernel.Bus.Subscribe<IPositionEvent>("events.position.*", e => _store.RecordPosition(e.Position));
        kernel.Bus.Subscribe<AccountState>("events.account.*", _store.RecordAccount);
    }

    /// <summary>Orders restored from the store are already persisted: only their new events are recorded.</summary>
    public void MarkPersisted(ExecutionState state)
    {
        foreach (Order order in state.Orders) _recorded[order.ClientOrderId] = order.Events.Count;
        foreach (var (strategyId, count) in state.ClientOrderIdCounts) _counts[strategyId] = count;
    }

    private void OnOrderEvent(IOrderEvent e)
    {
        Order? order = _kernel.Cache.Order(e.ClientOrderId);
        if (order is null)
        {
            _store.RecordOrderEvent(e, isWorking: false);
            return;
        }
        // Record what the order holds and the store has not seen yet: an event published from inside another's
        // handler can arrive here first, and the order's own list keeps them in applied order.
        bool working = order.IsOpen || order.IsInflight;
        _recorded.TryGetValue(order.ClientOrderId, out int done);
        IReadOnlyList<IOrderEvent> events = order.Events;
        for (int i = done; i < events.Count; i++) _store.RecordOrderEvent(events[i], working);
        _recorded[order.ClientOrderId] = events.Count;
        if (done == 0) RecordCount(order.StrategyId);
    }

    private void RecordCount(StrategyId strategyId)
    {
        if (strategyId.IsExternal) return;
        Strategies.Strategy? strategy = null;
        foreach (Strategies.Strategy s in _kernel.Strategies)
            if (s.Id == strategyId) strategy = s;
        if (strategy is null) return;
        int count = strategy.OrdersForRisk.IdGenerator.Count;
        if (_counts.TryGetValue(strategyId, out int saved) && saved >= count) return;
        _counts[strategyId] = count;
        _store.RecordClientOrderIdCount(strategyId, count);
    }
}
