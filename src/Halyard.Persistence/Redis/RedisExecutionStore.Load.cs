using System.Text.Json;
using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Persistence.Redis.Json;
using StackExchange.Redis;
using Order = Halyard.Core.Model.Order;

namespace Halyard.Persistence.Redis;

public sealed partial class RedisExecutionStore
{
    /// <summary>
    /// Reads every order's events (dropping a duplicate left by a retried batch: a sequence number not above the
    /// previous one), rebuilds each order with <see cref="Order.FromEvents"/>, and reads the snapshots, counters and
    /// newest fill. Sequence numbering then continues after the highest stored one.
    /// </summary>
    /// <exception cref="StoredStateException">A stored value is malformed; the message names the key.</exception>
    public async Task<ExecutionState> LoadAsync(CancellationToken ct)
    {
        IDatabase db = _redis.GetDatabase();
        RedisValue[] ids = await db.SortedSetRangeByRankAsync(_keys.Orders).WaitAsync(ct).ConfigureAwait(false);
        var lists = ids.Select(id => (Id: id.ToString(), Events: db.ListRangeAsync(_keys.Order(id.ToString())))).ToList();
        Task<HashEntry[]> positions = db.HashGetAllAsync(_keys.Positions);
        Task<HashEntry[]> accounts = db.HashGetAllAsync(_keys.Accounts);
        Task<HashEntry[]> counters = db.HashGetAllAsync(_keys.Counters);
        await Task.WhenAll(lists.Select(l => (Task)l.Events).Append(positions).Append(accounts).Append(counters)).WaitAsync(ct).ConfigureAwait(false);
        await EnsureInitializedAsync().WaitAsync(ct).ConfigureAwait(false);

        var orders = new List<Order>(lists.Count);
        var fills = new List<(long Seq, OrderFilled Fill)>();
        long maxSeq = 0;
        foreach (var (id, task) in lists)
        {
            string key = _keys.Order(id).ToString();
            RedisValue[] values = await task.ConfigureAwait(false);
            var events = new List<IOrderEvent>(values.Length);
            long previous = 0;
            for (int i = 0; i < values.Length; i++)
            {
                var (seq, orderEvent) = OrderEventCodec.Decode(values[i].ToString(), $"{key}[{i}]");
                if (seq <= previous) continue; // written twice by a retried batch
                previous = seq;
                if (orderEvent.ClientOrderId.Value != id)
                    throw new StoredStateException($"{key}[{i}]", $"event of order {orderEvent.ClientOrderId} stored under order {id}");
                events.Add(orderEvent);
                if (orderEvent is OrderFilled fill) fills.Add((seq, fill));
            }
            maxSeq = Math.Max(maxSeq, previous);
            if (events.Count == 0) throw new StoredStateException(key, "the order is indexed but has no events");
            try
            {
                orders.Add(Order.FromEvents(events));
            }
            catch (ArgumentException ex)
            {
                throw new StoredStateException(key, $"its events do not replay: {ex.Message}", ex);
            }
        }
        if (maxSeq > _lastSeq) _lastSeq = maxSeq; // the seq key can trail the lists when a batch half-failed

        return new ExecutionState(
            orders,
            [.. fills.OrderBy(f => f.Seq).Select(f => f.Fill)],
            ReadHash<PositionSnapshot>(await positions.ConfigureAwait(false), _keys.Positions),
            ReadHash<AccountState>(await accounts.ConfigureAwait(false), _keys.Accounts),
            ReadCounters(await counters.ConfigureAwait(false)),
            _lastFillTs,
            [.. _lastFillTradeIds]);
    }

    /// <summary>Client order ids in the open-order index (open or in flight after their last event).</summary>
    public async Task<IReadOnlyList<ClientOrderId>> OpenOrderIdsAsync()
    {
        RedisValue[] members = await _redis.GetDatabase().SetMembersAsync(_keys.OpenOrders).ConfigureAwait(false);
        return [.. members.Select(m => new ClientOrderId(m.ToString()))];
    }

    private static List<T> ReadHash<T>(HashEntry[] entries, RedisKey key)
    {
        var values = new List<T>(entries.Length);
        foreach (HashEntry entry in entries)
        {
            try
            {
                values.Add(JsonSerializer.Deserialize<T>(entry.Value.ToString(), StateJson.Options)
                    ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new StoredStateException($"{key}#{entry.Name}", ex.Message, ex);
            }
        }
        return values;
    }

    private Dictionary<StrategyId, int> ReadCounters(HashEntry[] entries)
    {
        var counts = new Dictionary<StrategyId, int>();
        foreach (HashEntry entry in entries)
        {
            string key = $"{_keys.Counters}#{entry.Name}";
            if (!entry.Value.TryParse(out int count) || count < 0) throw new StoredStateException(key, $"'{entry.Value}' is not a count");
            try
            {
                counts[new StrategyId(entry.Name.ToString())] = count;
            }
            catch (ArgumentException ex)
            {
                throw new StoredStateException(key, ex.Message, ex);
            }
        }
        return counts;
    }
}
