using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Execution;
using Halyard.Persistence.Redis;

namespace Halyard.Cli.Hosting;

/// <summary>A node built by <see cref="HyperliquidNodeBuilder"/> with the parts it owns; disposing stops the node and releases them.</summary>
public sealed class HyperliquidNode : IAsyncDisposable
{
    private readonly HttpClient _http;

    internal HyperliquidNode(TradingNode node, HyperliquidMetrics metrics, NodeActivity activity, RedisStateStores? stores, HttpClient http,
        HyperliquidDataClient data, HyperliquidExecutionClient exec)
    {
        Data = data;
        Exec = exec;
        Node = node;
        Metrics = metrics;
        Activity = activity;
        Stores = stores;
        _http = http;
    }

    public TradingNode Node { get; }
    public HyperliquidDataClient Data { get; }
    public HyperliquidExecutionClient Exec { get; }
    /// <summary>The adapter's latency histograms and counters, shared by both clients.</summary>
    public HyperliquidMetrics Metrics { get; }
    public NodeActivity Activity { get; }
    public RedisStateStores? Stores { get; }

    /// <summary>Counts, positions and PnL, read on the kernel thread.</summary>
    public async Task<NodeActivitySnapshot> SnapshotAsync()
    {
        NodeActivitySnapshot? snapshot = null;
        if (Node.State is NodeState.Running or NodeState.Starting) await Node.Kernel.InvokeAsync(() => snapshot = Activity.Snapshot()).ConfigureAwait(false);
        return snapshot ?? Activity.Snapshot(); // the loop has ended: nothing else touches the cache
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync().ConfigureAwait(false);
        await Data.DisposeAsync().ConfigureAwait(false);
        await Exec.DisposeAsync().ConfigureAwait(false);
        if (Stores is not null) await Stores.DisposeAsync().ConfigureAwait(false);
        Activity.Dispose();
        Metrics.Dispose();
        _http.Dispose();
    }
}
