using Halyard.Core.Model;

namespace Halyard.Core.Cache;

/// <summary>What an <see cref="IExecutionStateStore"/> held at load: orders rebuilt from their events, every fill in the order it was processed, the latest snapshots.</summary>
/// <param name="Orders">Orders oldest first, each rebuilt with <see cref="Order.FromEvents"/>.</param>
/// <param name="Fills">Every persisted fill in processing order; positions are rebuilt from these.</param>
/// <param name="Positions">The last snapshot of each position (a cross-check for the rebuild, and for operators).</param>
/// <param name="Accounts">The last state of each account.</param>
/// <param name="ClientOrderIdCounts">Generated-id count per strategy.</param>
/// <param name="LastFillTsNs">Venue time of the newest fill, when any; reconciliation asks for fills from there.</param>
/// <param name="LastFillTradeIds">Trade ids of the fills at <paramref name="LastFillTsNs"/>.</param>
public sealed record ExecutionState(
    IReadOnlyList<Order> Orders,
    IReadOnlyList<OrderFilled> Fills,
    IReadOnlyList<PositionSnapshot> Positions,
    IReadOnlyList<AccountState> Accounts,
    IReadOnlyDictionary<StrategyId, int> ClientOrderIdCounts,
    long? LastFillTsNs,
    IReadOnlyList<TradeId> LastFillTradeIds)
{
    public static ExecutionState Empty { get; } = new([], [], [], [], new Dictionary<StrategyId, int>(), null, []);
}
