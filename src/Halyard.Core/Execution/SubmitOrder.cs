using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Send a new order to its venue.</summary>
/// <param name="PositionId">The position the order is for, when the strategy targets one (netting: the default).</param>
public sealed record SubmitOrder(TraderId TraderId, StrategyId StrategyId, Order Order, PositionId? PositionId, Guid CommandId, long TsInit)
    : TradingCommand(TraderId, StrategyId, Order.InstrumentId, CommandId, TsInit)
{
    public override string ToString() => $"SubmitOrder({Order})";
}
