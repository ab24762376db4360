using Halyard.Core.Cache;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Risk;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Strategies;

/// <summary>What a strategy (or another actor) gets from the kernel it is registered with; <c>Risk</c> is the kernel's risk manager config (limits to size within).</summary>
public sealed record KernelServices(
    TraderId TraderId,
    IClock Clock,
    ICache Cache,
    MessageBus Bus,
    ILoggerFactory LoggerFactory,
    Func<Guid> NewId,
    RiskManagerConfig? Risk = null);
