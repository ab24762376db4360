using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Cancel every open order of the strategy in an instrument, optionally only one side.</summary>
public sealed record CancelAllOrders(TraderId TraderId, StrategyId StrategyId, InstrumentId InstrumentId, OrderSide Side, Guid CommandId, long TsInit)
    : TradingCommand(TraderId, StrategyId, InstrumentId, CommandId, TsInit)
{
    /// <summary>Filled in by the execution engine: the open orders the command covers, for the client to cancel.</summary>
    public IReadOnlyList<CancelOrder> Cancels { get; init; } = [];
}
