using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>Ask the venue for an order's current status; the answer arrives as an <see cref="OrderStatusReport"/>.</summary>
public sealed record QueryOrder(TraderId TraderId, StrategyId StrategyId, InstrumentId InstrumentId, ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId, Guid CommandId, long TsInit)
    : TradingCommand(TraderId, StrategyId, InstrumentId, CommandId, TsInit);
