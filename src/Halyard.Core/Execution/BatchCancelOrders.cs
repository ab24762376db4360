using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Cancel several orders of one instrument in one venue request.</summary>
public sealed record BatchCancelOrders : TradingCommand
{
    public BatchCancelOrders(TraderId traderId, StrategyId strategyId, IReadOnlyList<CancelOrder> cancels, Guid commandId, long tsInit)
        : base(traderId, strategyId, FirstInstrument(cancels), commandId, tsInit)
    {
        if (cancels.Any(c => c.InstrumentId != InstrumentId))
            throw new ArgumentException("all cancels of a batch must be for one instrument", nameof(cancels));
        Cancels = cancels;
    }

    public IReadOnlyList<CancelOrder> Cancels { get; init; }

    private static InstrumentId FirstInstrument(IReadOnlyList<CancelOrder> cancels)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0) throw new ArgumentException("a batch cancel needs at least one cancel", nameof(cancels));
        return cancels[0].InstrumentId;
    }
}
