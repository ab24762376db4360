using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>An instruction from a strategy to the execution side; goes through the risk engine to the venue's client.</summary>
public abstract record TradingCommand(TraderId TraderId, StrategyId StrategyId, InstrumentId InstrumentId, Guid CommandId, long TsInit);
