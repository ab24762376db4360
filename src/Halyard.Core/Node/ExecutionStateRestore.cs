using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Node;

/// <summary>
/// Puts a loaded <see cref="ExecutionState"/> back into the kernel's cache, on the kernel thread, before
/// reconciliation: orders, accounts and id counters first (they need nothing else), then positions, which are
/// rebuilt from the persisted fills in processing order once the instruments are known (a fill replayed through
/// <see cref="Position.Apply"/> gives the exact average price and PnL a snapshot could only copy).
/// </summary>
public static class ExecutionStateRestore
{
    /// <summary>Adds the loaded orders and accounts to the cache and raises each strategy's id counter; returns how many orders were added.</summary>
    public static int RestoreOrders(ExecutionState state, ICache cache, IReadOnlyList<Strategy> strategies, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(strategies);
        int added = 0;
        foreach (Order order in state.Orders)
        {
            if (cache.AddOrder(order, order.PositionId)) added++;
            else logger.LogWarning("Restored order {ClientOrderId} already in the cache; kept the cached one", order.ClientOrderId);
        }
        foreach (AccountState account in state.Accounts)
            if (cache.Account(account.AccountId) is null) cache.AddAccount(new Account(account));
        foreach (Strategy strategy in strategies)
        {
            ClientOrderIdGenerator ids = strategy.OrdersForRisk.IdGenerator;
            if (state.ClientOrderIdCounts.TryGetValue(strategy.Id, out int count) && count > ids.Count) ids.SetCount(count);
        }
        logger.LogInformation("Restored {Orders} orders ({Open} working), {Accounts} accounts, {Counters} id counters",
            added, state.Orders.Count(o => o.IsOpen || o.IsInflight), state.Accounts.Count, state.ClientOrderIdCounts.Count);
        return added;
    }

    /// <summary>
    /// Rebuilds positions by replaying the persisted fills; a position whose instrument is not in the cache is
    /// left out (logged) and reconciliation then takes the venue's word. Returns how many positions were rebuilt.
    /// </summary>
    public static int RestorePositions(ExecutionState state, ICache cache, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(cache);
        var rebuilt = new Dictionary<PositionId, Position>();
        var skipped = new HashSet<PositionId>();
        foreach (OrderFilled fill in state.Fills)
        {
            if (fill.PositionId is not PositionId id || skipped.Contains(id) || cache.PositionExists(id)) continue;
            if (rebuilt.TryGetValue(id, out Position? position))
            {
                PositionUpdate update = position.Apply(fill);
                if (!update.IsApplied) logger.LogWarning("Restored fill {TradeId} not applied to {PositionId}: {Error}", fill.TradeId, id, update.Error);
                continue;
            }
            if (cache.Instrument(fill.InstrumentId) is not Instrument instrument)
            {
                logger.LogError("Position {PositionId} not restored: instrument {InstrumentId} is not in the cache", id, fill.InstrumentId);
                skipped.Add(id);
                continue;
            }
            rebuilt[id] = new Position(instrument, fill);
        }
        var snapshots = state.Positions.ToDictionary(p => p.PositionId);
        foreach (Position position in rebuilt.Values)
        {
            cache.AddPosition(position);
            if (snapshots.TryGetValue(position.Id, out PositionSnapshot? saved) && saved.SignedQty != position.SignedQty)
                logger.LogWarning("Position {PositionId} rebuilt from fills holds {Rebuilt}, its last snapshot {Saved}; reconciliation decides",
                    position.Id, position.SignedQty, saved.SignedQty);
        }
        logger.LogInformation("Restored {Positions} positions from {Fills} fills", rebuilt.Count, state.Fills.Count);
        return rebuilt.Count;
    }
}
