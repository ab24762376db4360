using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>The risk engine's trading state changed (published on <see cref="RiskEngine.TradingStateTopic"/>).</summary>
public sealed record TradingStateChanged(TradingState State, string Reason, long TsEvent);
