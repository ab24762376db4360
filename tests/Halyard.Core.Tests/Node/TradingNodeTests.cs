using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Tests.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Node;

public class TradingNodeTests
{
    private static readonly InstrumentId Eth = TestInstruments.Eth().Id;

    private static (TradingNode Node, TestVenue Venue, LimitStrategy Strategy) Build(TradingNodeConfig config)
    {
        var node = new TradingNode(config.Validate());
        var venue = new TestVenue(node.Inbox, () => node.Clock.UtcNowNs, [TestInstruments.Eth()]);
        var strategy = new LimitStrategy();
        node.AddDataClient(venue);
        node.AddExecutionClient(venue);
        node.AddStrategy(strategy);
        return (node, venue, strategy);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached in 10 s");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs an action on the kernel thread, as everything touching strategies must.</summary>
    private static Task OnKernel(TradingNode node, Action action) => node.Kernel.InvokeAsync(action);

    [Fact]
    public async Task Start_connects_reconciles_and_starts_strategies_then_stop_cancels_open_orders()
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig { CancelOrdersOnStop = true });
        await node.StartAsync(TestContext.Current.CancellationToken);
        node.State.ShouldBe(NodeState.Running);
        strategy.IsRunning.ShouldBeTrue();
        venue.Calls.Take(3).ShouldBe(["connect", "connect", "mass-status"]);

        Order? order = null;
        await OnKernel(node, () => order = strategy.Buy(Eth, "0.010", "2990.0"));
        await Until(() => order!.Status == OrderStatus.Accepted);

        await node.StopAsync(TestContext.Current.CancellationToken);

        node.State.ShouldBe(NodeState.Stopped);
        strategy.IsRunning.ShouldBeFalse();
        order!.Status.ShouldBe(OrderStatus.Canceled);
        venue.RestingOrders().ShouldBeEmpty();
        venue.Calls.ShouldContain($"cancel {order.ClientOrderId}");
        venue.Calls.Last().ShouldBe("disconnect");
    }

    [Fact]
    public async Task Stop_cancels_the_strategy_orders_but_leaves_the_protective_stop_of_an_open_position()
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig
        {
            CancelOrdersOnStop = true,
            StopTimeout = TimeSpan.FromSeconds(20),
            RiskManager = new() { StopLoss = ProtectiveDistance.Percent(0.02m) },
        });
        await node.StartAsync(TestContext.Current.CancellationToken);
        venue.PushQuote(Eth, "2999.0", "3000.0");
        Order? entry = null, resting = null;
        await OnKernel(node, () => entry = strategy.Buy(Eth, "0.010", "3001.0"));
        await Until(() => entry!.Status == OrderStatus.Filled);
        await Until(() => node.Cache.OrdersOpen().Any(RiskTags.IsRiskOrder));
        Order stop = node.Cache.OrdersOpen().Single(RiskTags.IsRiskOrder);
        await OnKernel(node, () => resting = strategy.Buy(Eth, "0.010", "2900.0"));
        await Until(() => resting!.Status == OrderStatus.Accepted);

        var started = DateTime.UtcNow;
        await node.StopAsync(TestContext.Current.CancellationToken);

        // Before, cancel-on-stop canceled the stop, the risk manager placed it again, and the stop waited out its timeout.
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        resting!.Status.ShouldBe(OrderStatus.Canceled);
        stop.Status.ShouldBe(OrderStatus.Accepted);
        venue.Calls.ShouldNotContain($"cancel {stop.ClientOrderId}");
        venue.RestingOrders().Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_cancel_on_stop_off_open_orders_stay_at_the_venue()
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig { CancelOrdersOnStop = false });
        await node.StartAsync(TestContext.Current.CancellationToken);
        Order? order = null;
        await OnKernel(node, () => order = strategy.Buy(Eth, "0.010", "2990.0"));
        await Until(() => order!.Status == OrderStatus.Accepted);

        await node.StopAsync(TestContext.Current.CancellationToken);

        order!.Status.ShouldBe(OrderStatus.Accepted);
        venue.RestingOrders().ShouldBe(["Buy 0.010 @ 2990.0"]);
        venue.Calls.ShouldNotContain(c => c.StartsWith("cancel"));
    }

    [Fact]
    public async Task Stop_gives_up_waiting_for_cancels_after_the_stop_timeout()
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig { StopTimeout = TimeSpan.FromMilliseconds(200) });
        await node.StartAsync(TestContext.Current.CancellationToken);
        Order? order = null;
        await OnKernel(node, () => order = strategy.Buy(Eth, "0.010", "2990.0"));
        await Until(() => order!.Status == OrderStatus.Accepted);
        venue.AutoAcknowledgeCancels = false;

        var started = DateTime.UtcNow;
        await node.StopAsync(TestContext.Current.CancellationToken);

        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        order!.Status.ShouldBe(OrderStatus.PendingCancel);
        node.State.ShouldBe(NodeState.Stopped);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quotes_pushed_by_the_venue_reach_the_strategy_through_the_live_loop(bool dedicatedThread)
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig { DedicatedKernelThread = dedicatedThread });
        var quoteStrategy = new BuyThenSellStrategy(Eth, Quantity.Parse("0.010"), sellAfter: 2, id: "Quotes-001");
        node.AddStrategy(quoteStrategy);
        await node.StartAsync(TestContext.Current.CancellationToken);
        await Until(() => venue.Calls.Contains($"+quotes {Eth}"));

        venue.PushQuote(Eth, "3000.0", "3000.5");
        await Until(() => quoteStrategy.Entry?.Status == OrderStatus.Filled);
        venue.PushQuote(Eth, "3001.0", "3001.5");
        await Until(() => quoteStrategy.Exit?.Status == OrderStatus.Filled);
        await node.StopAsync(TestContext.Current.CancellationToken);

        venue.NetPosition(Eth).ShouldBe(0m);
        node.Kernel.ErrorCount.ShouldBe(0);
        if (dedicatedThread) quoteStrategy.Threads.ShouldBe(["halyard-kernel"]); // every callback on the one kernel thread
    }

    [Fact]
    public async Task Periodic_reconciliation_recovers_a_fill_whose_event_was_lost()
    {
        var (node, venue, strategy) = Build(new TradingNodeConfig { ReconciliationInterval = TimeSpan.FromMilliseconds(50) });
        await node.StartAsync(TestContext.Current.CancellationToken);
        venue.PushQuote(Eth, "3000.0", "3000.5");
        Order? order = null;
        await OnKernel(node, () => order = strategy.Buy(Eth, "0.010", "2990.0"));
        await Until(() => order!.Status == OrderStatus.Accepted);

        venue.DropOrderEvents = true;
        venue.PushQuote(Eth, "2980.0", "2980.5"); // the venue fills the order, the kernel never hears it
        await Until(() => order!.Status == OrderStatus.Filled);
        await node.StopAsync(TestContext.Current.CancellationToken);

        order!.AvgPx.ShouldBe(2990.0m);
        node.Cache.NetPosition(Eth).ShouldBe(0.01m);
        venue.Calls.Count(c => c == "mass-status").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_client_that_does_not_connect_in_time_fails_the_start_and_names_itself()
    {
        var (node, venue, _) = Build(new TradingNodeConfig { ConnectTimeout = TimeSpan.FromMilliseconds(100) });
        venue.ConnectDelay = TimeSpan.FromSeconds(30);

        var ex = await Should.ThrowAsync<TimeoutException>(() => node.StartAsync(TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("ConnectTimeout");
        ex.Message.ShouldContain(venue.ClientId);
        node.State.ShouldBe(NodeState.Faulted);
    }

    [Fact]
    public async Task Components_cannot_be_added_once_started()
    {
        var (node, _, _) = Build(new TradingNodeConfig());
        await node.StartAsync(TestContext.Current.CancellationToken);
        Should.Throw<InvalidOperationException>(() => node.AddStrategy(new LimitStrategy("Late-001")));
        await node.DisposeAsync();
        node.State.ShouldBe(NodeState.Stopped);
    }

    [Theory]
    [InlineData("TraderId")]
    [InlineData("ConnectTimeout")]
    [InlineData("StopTimeout")]
    [InlineData("Risk.MaxOrderSubmitRate")]
    public void Invalid_config_names_the_field(string field)
    {
        TradingNodeConfig config = field switch
        {
            "TraderId" => new TradingNodeConfig { TraderId = "nohyphen" },
            "ConnectTimeout" => new TradingNodeConfig { ConnectTimeout = TimeSpan.Zero },
            "StopTimeout" => new TradingNodeConfig { StopTimeout = TimeSpan.FromSeconds(-1) },
            _ => new TradingNodeConfig { Risk = new() { MaxOrderSubmitRate = 0 } },
        };
        var ex = Should.Throw<ConfigException>(() => config.Validate());
        ex.Field.ShouldBe(field);
        ex.Message.ShouldContain(field);
    }
}
