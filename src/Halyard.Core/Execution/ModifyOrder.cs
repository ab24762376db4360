using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Change a working order's quantity, price or trigger price (null = keep).</summary>
public sealed record ModifyOrder(TraderId TraderId, StrategyId StrategyId, InstrumentId InstrumentId, ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId, Quantity? Quantity, Price? Price, Price? TriggerPrice, Guid CommandId, long TsInit)
    : TradingCommand(TraderId, StrategyId, InstrumentId, CommandId, TsInit);
