using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Send several orders of one instrument in one venue request (a batch); each still gets its own events.</summary>
public sealed record SubmitOrderList : TradingCommand
{
    public SubmitOrderList(TraderId traderId, StrategyId strategyId, IReadOnlyList<Order> orders, Guid commandId, long tsInit)
        : base(traderId, strategyId, FirstInstrument(orders), commandId, tsInit)
    {
        if (orders.Any(o => o.InstrumentId != InstrumentId))
            throw new ArgumentException("all orders of a list must be for one instrument", nameof(orders));
        Orders = orders;
    }

    public IReadOnlyList<Order> Orders { get; }

    private static InstrumentId FirstInstrument(IReadOnlyList<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0) throw new ArgumentException("an order list needs at least one order", nameof(orders));
        return orders[0].InstrumentId;
    }

    public override string ToString() => $"SubmitOrderList({Orders.Count} orders, {InstrumentId})";
}
