using System.Net.Http.Json;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Execution;

namespace Halyard.IntegrationTests.Live;

/// <summary>
/// A started <see cref="TradingNode"/> on the simulator with both Hyperliquid clients (data for the prices the limits
/// value orders at, execution for the account), a risk manager config, and either a test-driven
/// <see cref="RecordingStrategy"/> (subscribed to BTC quotes) or a given strategy.
/// </summary>
internal sealed class RiskLiveNode : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RiskLiveNode(LiveVenue venue, TradingNode node, HyperliquidExecutionClient exec, HyperliquidDataClient data, RecordingStrategy strategy,
        HyperliquidMetrics metrics)
    {
        Venue = venue;
        Node = node;
        Exec = exec;
        Data = data;
        Strategy = strategy;
        Metrics = metrics;
    }

    public LiveVenue Venue { get; }
    public TradingNode Node { get; }
    public HyperliquidExecutionClient Exec { get; }
    public HyperliquidDataClient Data { get; }
    public RecordingStrategy Strategy { get; }
    public HyperliquidMetrics Metrics { get; }
    public RiskManager Risk => Node.Kernel.RiskManager;

    public static async Task<RiskLiveNode> StartAsync(LiveVenue venue, RiskManagerConfig risk, Strategy? other = null)
    {
        var node = new TradingNode(new TradingNodeConfig { CancelOrdersOnStop = false, RiskManager = risk });
        var metrics = new HyperliquidMetrics();
        var exec = new HyperliquidExecutionClient(venue.ExecConfig(), node.Inbox, node.Clock, metrics);
        var dataConfig = new HyperliquidDataClientConfig { Endpoints = HyperliquidEndpoints.At(new Uri(venue.Sim.Url)) }.Validate();
        var data = new HyperliquidDataClient(dataConfig, node.Inbox, node.Clock, metrics);
        var strategy = new RecordingStrategy("RISK-LIVE-001");
        node.AddDataClient(data);
        node.AddExecutionClient(exec);
        node.AddStrategy(strategy);
        if (other is not null) node.AddStrategy(other);
        await node.StartAsync(TestContext.Current.CancellationToken);
        var live = new RiskLiveNode(venue, node, exec, data, strategy, metrics);
        await node.Kernel.InvokeAsync(() => strategy.SubscribeQuotes(LiveVenue.Btc));
        var limit = DateTime.UtcNow.AddSeconds(20);
        while (!await live.Read(n => n.Cache.TryGetQuote(LiveVenue.Btc, out _)))
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException("no BTC quote reached the node");
            venue.Sim.Step(); // the paused market pushes a book and bbo on each tick
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return live;
    }

    public async Task<Order> SubmitAsync(Func<OrderFactory, Order> build)
    {
        Order? order = null;
        await Node.Kernel.InvokeAsync(() =>
        {
            order = build(Strategy.Orders);
            Strategy.SubmitOrder(order);
        });
        return order!;
    }

    public Task OnKernel(Action action) => Node.Kernel.InvokeAsync(action);

    public async Task<T> Read<T>(Func<TradingNode, T> read)
    {
        T value = default!;
        await Node.Kernel.InvokeAsync(() => value = read(Node));
        return value;
    }

    public Task WaitFor<T>(ClientOrderId id, TimeSpan? timeout = null) where T : IOrderEvent =>
        LiveNode.WaitUntil(() => Strategy.EventsOf<T>(id).Count > 0,
            $"{typeof(T).Name} of {id}; got: {string.Join(", ", Strategy.Events.Where(e => e.ClientOrderId == id).Select(e => e.GetType().Name))}", timeout);

    /// <summary>Waits until the simulator's open orders of our account satisfy <paramref name="condition"/>; returns them.</summary>
    public async Task<IReadOnlyList<Hyperliquid.Wire.Responses.FrontendOpenOrder>> VenueOrdersUntil(
        Func<IReadOnlyList<Hyperliquid.Wire.Responses.FrontendOpenOrder>, bool> condition, string what)
    {
        IReadOnlyList<Hyperliquid.Wire.Responses.FrontendOpenOrder> orders = [];
        var limit = DateTime.UtcNow.AddSeconds(20);
        while (!condition(orders = await Venue.OpenOrdersAsync()))
        {
            if (DateTime.UtcNow > limit)
                throw new TimeoutException($"timed out waiting for {what}; the venue has: {string.Join("; ", orders.Select(o => $"{o.Side} {o.Sz} {o.OrderType} trigger {o.TriggerPx}"))}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return orders;
    }

    /// <summary>Our account's BTC position at the venue (0 when none).</summary>
    public async Task<decimal> VenuePositionAsync(string coin = "BTC")
    {
        var state = await Venue.AccountAsync();
        return state.AssetPositions.Where(p => p.Position.Coin == coin).Sum(p => p.Position.Szi);
    }

    /// <summary>Moves the simulator's fair and mark price through its control API (POST /sim/price).</summary>
    public async Task MovePriceAsync(string coin, decimal px)
    {
        using HttpResponseMessage response = await _http.PostAsJsonAsync(new Uri(new Uri(Venue.Sim.Url), "/sim/price"), new { coin, px },
            TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Exec.DisposeAsync();
        await Data.DisposeAsync();
        Metrics.Dispose();
        _http.Dispose();
    }
}
