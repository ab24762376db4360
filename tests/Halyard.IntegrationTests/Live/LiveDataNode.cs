using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Rest;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Live;

/// <summary>The simulator on a free port and a trading node reading it through the real Hyperliquid data client.</summary>
internal sealed class LiveDataNode : IAsyncDisposable
{
    public static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    public static readonly InstrumentId Eth = InstrumentId.Perpetual("ETH");

    private readonly HttpClient _http = new();

    private LiveDataNode(SimulatorHost sim, TradingNode node, HyperliquidDataClient client, DataRecordingStrategy strategy, HyperliquidMetrics metrics)
    {
        Sim = sim;
        Node = node;
        Client = client;
        Strategy = strategy;
        Metrics = metrics;
        Info = new HyperliquidInfoClient(_http, new HyperliquidRestOptions { BaseUrl = new Uri(sim.Url) });
    }

    public SimulatorHost Sim { get; }
    public TradingNode Node { get; }
    public HyperliquidDataClient Client { get; }
    public DataRecordingStrategy Strategy { get; }
    public HyperliquidMetrics Metrics { get; }
    public HyperliquidInfoClient Info { get; }

    public static async Task<LiveDataNode> StartAsync(bool paused, IReadOnlyList<BarType>? bars = null, int seed = 7)
    {
        var sim = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Port = 0,
            Seed = seed,
            StartPaused = paused,
            TickInterval = TimeSpan.FromMilliseconds(50),
        });
        var node = new TradingNode(new TradingNodeConfig { TraderId = "TESTER-001" });
        var metrics = new HyperliquidMetrics();
        var config = new HyperliquidDataClientConfig { Endpoints = HyperliquidEndpoints.At(new Uri(sim.Url)) }.Validate();
        var client = new HyperliquidDataClient(config, node.Inbox, node.Clock, metrics);
        var strategy = new DataRecordingStrategy([Btc, Eth], bars);
        node.AddDataClient(client);
        node.AddStrategy(strategy);
        await node.StartAsync(TestContext.Current.CancellationToken);
        return new LiveDataNode(sim, node, client, strategy, metrics);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task Until(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {seconds} s: {what}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Our book (read on the kernel thread) and the simulator's /info l2Book, as "side price size" lines.</summary>
    public async Task<(string Ours, string Venue)> BooksAsync(InstrumentId id, string coin)
    {
        string ours = "";
        await Node.Kernel.InvokeAsync(() => ours = Describe(Node.Cache.OrderBook(id)));
        var venue = await Info.GetL2BookAsync(coin, ct: TestContext.Current.CancellationToken);
        venue.IsSuccess.ShouldBeTrue(venue.Error?.Message);
        string theirs = string.Join('\n',
            venue.Value.Bids.Select(l => Line("bid", l.Px, l.Sz)).Concat(venue.Value.Asks.Select(l => Line("ask", l.Px, l.Sz))));
        return (ours, theirs);
    }

    /// <summary>Waits until our book equals the simulator's (the market must be paused for it to settle).</summary>
    public async Task BookMatchesVenueAsync(InstrumentId id, string coin, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var (ours, venue) = await BooksAsync(id, coin);
            if (ours == venue && ours.Length > 0) return;
            if (DateTime.UtcNow > deadline) ours.ShouldBe(venue, $"{coin} book differs from the simulator's after {seconds} s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe(OrderBook? book)
    {
        if (book is null) return "";
        var levels = new BookLevel[64];
        int bids = book.CopyBids(levels);
        var lines = levels.Take(bids).Select(l => Line("bid", l.Price.ToDecimal(), l.Size.ToDecimal())).ToList();
        int asks = book.CopyAsks(levels);
        lines.AddRange(levels.Take(asks).Select(l => Line("ask", l.Price.ToDecimal(), l.Size.ToDecimal())));
        return string.Join('\n', lines);
    }

    private static string Line(string side, decimal px, decimal sz) =>
        $"{side} {px.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture)} {sz.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture)}";

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
        Metrics.Dispose();
        _http.Dispose();
    }
}
