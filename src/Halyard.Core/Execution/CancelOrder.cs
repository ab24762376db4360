using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Cancel one working order.</summary>
public sealed record CancelOrder(TraderId TraderId, StrategyId StrategyId, InstrumentId InstrumentId, ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId, Guid CommandId, long TsInit)
    : TradingCommand(TraderId, StrategyId, InstrumentId, CommandId, TsInit);
