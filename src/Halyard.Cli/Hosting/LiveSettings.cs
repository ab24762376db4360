using Halyard.Core.Node;
using Halyard.Hyperliquid;

namespace Halyard.Cli.Hosting;

/// <summary>Everything a live node is built from, validated: the adapter's configs, the kernel's, the strategies and monitoring.</summary>
public sealed record LiveSettings
{
    public required HyperliquidNodeConfig Hyperliquid { get; init; }
    public required TradingNodeConfig Node { get; init; }
    public required IReadOnlyList<StrategySpec> Strategies { get; init; }
    /// <summary>Port of the Prometheus /metrics endpoint on 127.0.0.1; null = none.</summary>
    public int? MetricsPort { get; init; }
    /// <summary>A client disconnected for longer than this is logged as an alert.</summary>
    public TimeSpan DisconnectAlertAfter { get; init; } = TimeSpan.FromSeconds(10);
}
