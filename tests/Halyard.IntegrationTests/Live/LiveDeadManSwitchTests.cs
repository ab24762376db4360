using Halyard.Hyperliquid;
using Halyard.Core.Model;

namespace Halyard.IntegrationTests.Live;

/// <summary>The dead man's switch against the simulator's scheduleCancel (which fires on the market's ticks, so the market runs here).</summary>
public sealed class LiveDeadManSwitchTests
{
    private static readonly InstrumentId Btc = LiveVenue.Btc;

    private static HyperliquidExecClientConfig FiveSecondSwitch(HyperliquidExecClientConfig c) =>
        c with { DeadManSwitchWindow = TimeSpan.FromSeconds(6), DeadManSwitchRefresh = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public async Task While_healthy_the_switch_keeps_orders_alive_and_when_the_kernel_stalls_the_venue_cancels_them()
    {
        await using var venue = await LiveVenue.StartAsync(o => o with { StartPaused = false, TickInterval = TimeSpan.FromMilliseconds(100) });
        await using var live = await LiveNode.StartAsync(venue, FiveSecondSwitch);
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.9m, 0);
        Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
        await live.WaitFor<OrderAccepted>(order.ClientOrderId);

        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken); // longer than the window
        (await venue.OpenOrdersAsync()).Count.ShouldBe(1);
        live.Client.DeadManSwitch.ShouldNotBeNull().Refreshes.ShouldBeGreaterThan(3);

        // The kernel hangs: it no longer answers the switch's heartbeat, so the refresh stops and the schedule runs out.
        var released = new ManualResetEventSlim();
        live.Node.Inbox.Post(() => released.Wait(TimeSpan.FromSeconds(30)));
        try
        {
            await LiveNode.WaitUntil(() => venue.OpenOrdersAsync().GetAwaiter().GetResult().Count == 0, "the venue's scheduled cancel", TimeSpan.FromSeconds(15));
            live.Client.DeadManSwitch!.UnhealthyReason.ShouldNotBeNull().ShouldContain("kernel");
        }
        finally
        {
            released.Set();
        }
        await live.WaitFor<OrderCanceled>(order.ClientOrderId);
    }

    [Fact]
    public async Task A_graceful_disconnect_disarms_the_switch_so_open_orders_stay()
    {
        await using var venue = await LiveVenue.StartAsync(o => o with { StartPaused = false, TickInterval = TimeSpan.FromMilliseconds(100) });
        decimal price = Math.Round(await venue.MidAsync("BTC") * 0.9m, 0);
        await using (var live = await LiveNode.StartAsync(venue, FiveSecondSwitch))
        {
            Order order = await live.SubmitAsync(f => f.Limit(Btc, OrderSide.Buy, Quantity.Parse("0.01000"), Price.FromDecimal(price, 1, RoundingDirection.Nearest)));
            await live.WaitFor<OrderAccepted>(order.ClientOrderId);
        }
        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        (await venue.OpenOrdersAsync()).Count.ShouldBe(1);
    }
}
