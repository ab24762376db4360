using Halyard.Core.Model;

namespace Halyard.Cli.Hosting;

/// <summary>One strategy a node runs: a name from the strategy registry and its instrument.</summary>
public sealed record StrategySpec(string Name, InstrumentId InstrumentId);
