using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Node;

public class TradingKernelTests
{
    private sealed class Throwing() : Strategy("Throwing-001")
    {
        public int Quotes;
        public void Watch(InstrumentId id) => SubscribeQuotes(id);
        protected override void OnQuote(QuoteTick quote)
        {
            Quotes++;
            throw new InvalidOperationException("strategy bug");
        }
    }

    private sealed class Timed() : Strategy("Timed-001")
    {
        public List<string> Fired { get; } = [];
        protected override void OnStart()
        {
            Clock.SetTimer("every-second", 1_000_000_000, null, null, e => Fired.Add($"tick@{e.TsEvent - KernelHarness.Start}"));
            Clock.SetTimeAlert("once", Clock.UtcNowNs + 1_500_000_000, e => Fired.Add($"alert@{e.TsEvent - KernelHarness.Start}"));
        }
    }

    [Fact]
    public void A_throwing_handler_is_logged_and_counted_and_the_next_message_is_processed()
    {
        var strategy = new Throwing();
        var h = new KernelHarness(strategies: strategy);
        h.StartStrategies();
        strategy.Watch(h.Id);

        h.Quote("3000.0", "3000.5");
        h.Quote("3000.0", "3000.5");

        strategy.Quotes.ShouldBe(2);
        h.Kernel.ErrorCount.ShouldBe(2);
        h.Kernel.Cache.TryGetQuote(h.Id, out _).ShouldBeTrue();
    }

    [Fact]
    public void Strategy_timers_fire_on_the_test_clock_in_time_order()
    {
        var strategy = new Timed();
        var h = new KernelHarness(strategies: strategy);
        h.StartStrategies();

        h.Clock.AdvanceAndFire(KernelHarness.Start + 3_000_000_000);

        strategy.Fired.ShouldBe(["tick@1000000000", "alert@1500000000", "tick@2000000000", "tick@3000000000"]);
    }

    [Fact]
    public async Task The_live_loop_runs_timer_callbacks_and_posted_actions_on_the_kernel_thread()
    {
        var kernel = new TradingKernel(new TraderId("LIVE-001"));
        using var stop = new CancellationTokenSource();
        Task loop = Task.Run(() => kernel.RunAsync(stop.Token), TestContext.Current.CancellationToken);
        int? timerThread = null;
        var fired = new TaskCompletionSource();
        int kernelThread = 0;
        await kernel.InvokeAsync(() =>
        {
            kernelThread = Environment.CurrentManagedThreadId;
            kernel.Clock.SetTimeAlert("soon", kernel.Clock.UtcNowNs + 10_000_000, _ =>
            {
                timerThread = Environment.CurrentManagedThreadId;
                fired.SetResult();
            });
        });

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        kernel.Inbox.Complete();
        await loop.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        kernel.ProcessedCount.ShouldBeGreaterThanOrEqualTo(2);
        timerThread.ShouldNotBeNull(); // ran inside Process, from the inbox
    }

    [Fact]
    public void A_strategy_id_can_be_registered_once()
    {
        var kernel = new TradingKernel(new TraderId("T-001"), new TestClock());
        kernel.AddStrategy(new Timed());
        Should.Throw<InvalidOperationException>(() => kernel.AddStrategy(new Timed())).Message.ShouldContain("Timed-001");
    }

    [Fact]
    public void A_strategy_used_before_registration_says_so()
    {
        var strategy = new Timed();
        Should.Throw<InvalidOperationException>(() => strategy.Start()).Message.ShouldContain("not registered");
    }

    [Fact]
    public void Messages_of_unknown_types_are_dropped_without_error()
    {
        var kernel = new TradingKernel(new TraderId("T-001"), new TestClock());
        kernel.Process(new object());
        kernel.ErrorCount.ShouldBe(0);
        kernel.ProcessedCount.ShouldBe(1);
    }
}
