using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Execution;

namespace Halyard.IntegrationTests.Live;

/// <summary>A started <see cref="TradingNode"/> with the Hyperliquid execution client and a <see cref="RecordingStrategy"/>.</summary>
internal sealed class LiveNode : IAsyncDisposable
{
    private LiveNode(TradingNode node, HyperliquidExecutionClient client, RecordingStrategy strategy, HyperliquidMetrics metrics)
    {
        Node = node;
        Client = client;
        Strategy = strategy;
        Metrics = metrics;
    }

    public TradingNode Node { get; }
    public HyperliquidExecutionClient Client { get; }
    public RecordingStrategy Strategy { get; }
    public HyperliquidMetrics Metrics { get; }

    public static async Task<LiveNode> StartAsync(LiveVenue venue, Func<HyperliquidExecClientConfig, HyperliquidExecClientConfig>? configure = null,
        TradingNodeConfig? nodeConfig = null, string strategyId = "LIVE-001", IExecutionStateStore? stateStore = null)
    {
        var node = new TradingNode(nodeConfig ?? new TradingNodeConfig { CancelOrdersOnStop = false }, executionStateStore: stateStore);
        var metrics = new HyperliquidMetrics();
        var client = new HyperliquidExecutionClient(venue.ExecConfig(configure), node.Inbox, node.Clock, metrics);
        var strategy = new RecordingStrategy(strategyId);
        node.AddExecutionClient(client);
        node.AddStrategy(strategy);
        await node.StartAsync(TestContext.Current.CancellationToken);
        return new LiveNode(node, client, strategy, metrics);
    }

    /// <summary>Runs <paramref name="act"/> on the kernel thread (where strategies act).</summary>
    public Task OnKernel(Action<RecordingStrategy> act) => Node.Kernel.InvokeAsync(() => act(Strategy));

    public async Task<Order> SubmitAsync(Func<OrderFactory, Order> build)
    {
        Order? order = null;
        await OnKernel(s =>
        {
            order = build(s.Orders);
            s.SubmitOrder(order);
        });
        return order!;
    }

    /// <summary>Waits (generously: a loaded 2-core machine) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public Task WaitFor<T>(ClientOrderId id, int count = 1, TimeSpan? timeout = null) where T : IOrderEvent =>
        WaitUntil(() => Strategy.EventsOf<T>(id).Count >= count, $"{count} x {typeof(T).Name} of {id}; got: {string.Join(", ", Strategy.Events.Where(e => e.ClientOrderId == id).Select(e => e.GetType().Name))}", timeout);

    public async Task<T> Read<T>(Func<TradingNode, T> read)
    {
        T value = default!;
        await Node.Kernel.InvokeAsync(() => value = read(Node));
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Client.DisposeAsync();
        Metrics.Dispose();
    }
}
