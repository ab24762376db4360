using Halyard.Core.Model;
using StackExchange.Redis;

namespace Halyard.Persistence.Redis;

/// <summary>The key layout under <c>halyard:{traderId}:</c>; see docs/operations.md.</summary>
internal sealed class RedisKeys(TraderId traderId)
{
    public string Prefix { get; } = $"halyard:{traderId.Value}:";

    /// <summary>Sorted set: every client order id, scored by the sequence of its first event (oldest first).</summary>
    public RedisKey Orders => Prefix + "orders";
    /// <summary>Set: client order ids open or in flight at the venue after their last event.</summary>
    public RedisKey OpenOrders => Prefix + "orders:open";
    /// <summary>List: one order's events as JSON envelopes, in the order they were applied.</summary>
    public RedisKey Order(string clientOrderId) => Prefix + "order:" + clientOrderId;
    /// <summary>Hash: position id → last position snapshot.</summary>
    public RedisKey Positions => Prefix + "positions";
    /// <summary>Hash: account id → last account state.</summary>
    public RedisKey Accounts => Prefix + "accounts";
    /// <summary>Hash: strategy id → client order ids generated.</summary>
    public RedisKey Counters => Prefix + "counters";
    /// <summary>Hash: last_ts (venue ns of the newest fill) and last_trade_ids (JSON array of its trade ids).</summary>
    public RedisKey LastFill => Prefix + "fills:last";
    /// <summary>String: the highest event sequence number written.</summary>
    public RedisKey Sequence => Prefix + "seq";
    /// <summary>String: the risk manager's state (trading state, kill-switch equity marks).</summary>
    public RedisKey RiskState => Prefix + "risk";
}
