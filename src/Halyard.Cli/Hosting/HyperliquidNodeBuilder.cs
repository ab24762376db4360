using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Strategies;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Execution;
using Halyard.Persistence.Redis;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Hosting;

/// <summary>
/// The composition root of a live node: one <see cref="HyperliquidMetrics"/> shared by the data and execution
/// clients, Redis state stores when enabled (the node refuses to start when they cannot be loaded), the
/// configured strategies, and <see cref="NodeActivity"/> for progress, metrics and alerts. Nothing is connected
/// until <see cref="TradingNode.StartAsync"/>.
/// </summary>
public static class HyperliquidNodeBuilder
{
    public static async Task<HyperliquidNode> BuildAsync(LiveSettings settings, ILoggerFactory loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ILogger log = loggers.CreateLogger("Halyard.Node");
        HyperliquidNodeConfig venue = settings.Hyperliquid;
        // Credentials.ToString() names where the key comes from, never the key.
        log.LogInformation("Building node {TraderId}: {Network} at {Rest}, instruments {Instruments}, strategies {Strategies}, key {Credentials}, Redis {Redis}",
            venue.TraderId, venue.Exec.Network, venue.Exec.ResolvedEndpoints.RestUrl, string.Join(", ", venue.Data.Instruments),
            StrategyCatalog.Describe(settings.Strategies), venue.Exec.Credentials, venue.RedisEnabled ? venue.RedisConnection : "off");

        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the REST transport applies its own per-attempt timeouts
        var metrics = new HyperliquidMetrics();
        RedisStateStores? stores = null;
        try
        {
            IReadOnlyList<Strategy> strategies = await StrategyCatalog.CreateAsync(settings.Strategies, venue.Data.ResolvedEndpoints, http, ct).ConfigureAwait(false);
            if (venue.RedisEnabled)
                stores = await RedisStateStores.ConnectAsync(venue.RedisConnection, new TraderId(venue.TraderId), loggers).ConfigureAwait(false);
            var node = new TradingNode(settings.Node, loggers, riskStateStore: stores?.Risk, executionStateStore: stores?.Execution);
            var data = new HyperliquidDataClient(venue.Data, node.Inbox, node.Clock, metrics, loggers, http);
            var exec = new HyperliquidExecutionClient(venue.Exec, node.Inbox, node.Clock, metrics, loggers, http);
            node.AddDataClient(data);
            node.AddExecutionClient(exec);
            foreach (Strategy strategy in strategies) node.AddStrategy(strategy);
            var activity = new NodeActivity(node.Kernel, loggers);
            return new HyperliquidNode(node, metrics, activity, stores, http, data, exec);
        }
        catch
        {
            if (stores is not null) await stores.DisposeAsync().ConfigureAwait(false);
            metrics.Dispose();
            http.Dispose();
            throw;
        }
    }
}
