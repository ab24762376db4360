using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Hyperliquid.Tests.Rest;

public class RateLimiterTests
{
    [Fact]
    public void Weights_follow_the_published_table()
    {
        RequestWeights.Info("l2Book").ShouldBe(2);
        RequestWeights.Info("orderStatus").ShouldBe(2);
        RequestWeights.Info("meta").ShouldBe(20);
        RequestWeights.Info("userRole").ShouldBe(60);
        RequestWeights.InfoItems("userFillsByTime", 2000).ShouldBe(100);
        RequestWeights.InfoItems("candleSnapshot", 500).ShouldBe(8);
        RequestWeights.InfoItems("l2Book", 40).ShouldBe(0);
        RequestWeights.Exchange(1).ShouldBe(1);
        RequestWeights.Exchange(39).ShouldBe(1);
        RequestWeights.Exchange(40).ShouldBe(2);
        RequestWeights.Exchange(85).ShouldBe(3);
    }

    [Fact]
    public void Normal_requests_stop_at_the_cancel_reserve_and_cancels_do_not()
    {
        var limiter = new RestWeightLimiter(new FakeTimeProvider(), weightPerMinute: 1200, cancelReserve: 100);
        for (int i = 0; i < 55; i++) limiter.TryAcquire(20).ShouldBeTrue(); // 1100 used, 100 left
        limiter.TryAcquire(2).ShouldBeFalse();
        limiter.TryAcquire(1, RequestPriority.Cancel).ShouldBeTrue();
        limiter.Available.ShouldBe(99);
    }

    [Fact]
    public async Task A_request_waits_for_the_bucket_to_refill_on_the_fake_clock()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestWeightLimiter(clock, weightPerMinute: 1200, cancelReserve: 0);
        limiter.TryAcquire(1200).ShouldBeTrue();
        var waiting = limiter.AcquireAsync(20, RequestPriority.Normal, TestContext.Current.CancellationToken).AsTask();
        await Task.Yield();
        waiting.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(500)); // 10 weight back
        await Task.Yield();
        waiting.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(500)); // 20 weight back
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        limiter.Available.ShouldBe(0, tolerance: 1e-9);
    }

    [Fact]
    public void Extra_item_weight_and_a_429_drain_the_bucket()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestWeightLimiter(clock);
        limiter.Charge(RequestWeights.InfoItems("userFills", 2000));
        limiter.Available.ShouldBe(1100);
        limiter.OnThrottled();
        limiter.Available.ShouldBe(0);
        clock.Advance(TimeSpan.FromSeconds(30));
        limiter.Available.ShouldBe(600, tolerance: 1e-6);
    }

    [Fact]
    public void The_bucket_never_holds_more_than_a_minute_of_weight()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestWeightLimiter(clock);
        clock.Advance(TimeSpan.FromHours(1));
        limiter.Available.ShouldBe(1200);
    }

    [Fact]
    public void Address_budget_keeps_a_reserve_for_cancels_then_slows_to_one_per_ten_seconds()
    {
        var clock = new FakeTimeProvider();
        var limiter = new AddressActionLimiter(clock, initialCap: 1000, cancelReserve: 100);
        limiter.TryAcquire(900).ShouldBeTrue();
        limiter.Reserve(1, RequestPriority.Normal).ShouldBe(TimeSpan.Zero); // first slow-pace grant
        limiter.Reserve(1, RequestPriority.Normal).ShouldBe(TimeSpan.FromSeconds(10));
        limiter.TryAcquire(50, RequestPriority.Cancel).ShouldBeTrue(); // cancels still flow
        clock.Advance(TimeSpan.FromSeconds(4));
        limiter.Reserve(1, RequestPriority.Normal).ShouldBe(TimeSpan.FromSeconds(6));
        clock.Advance(TimeSpan.FromSeconds(6));
        limiter.TryAcquire(1).ShouldBeTrue();
    }

    [Fact]
    public void Cancels_may_go_up_to_the_larger_cancel_cap()
    {
        var limiter = new AddressActionLimiter(new FakeTimeProvider(), initialCap: 10_000, cancelReserve: 0);
        limiter.CancelCap.ShouldBe(20_000);
        limiter.TryAcquire(10_000).ShouldBeTrue();
        limiter.TryAcquire(10_000, RequestPriority.Cancel).ShouldBeTrue();
        limiter.TryAcquire(1, RequestPriority.Cancel).ShouldBeTrue(); // slow-pace grant
        limiter.TryAcquire(1, RequestPriority.Cancel).ShouldBeFalse();
    }

    [Fact]
    public void Syncing_with_the_venue_adopts_its_usage_and_cap()
    {
        var limiter = new AddressActionLimiter(new FakeTimeProvider(), initialCap: 10_000);
        limiter.Sync(new UserRateLimit { NRequestsUsed = 2890, NRequestsCap = 2_864_574 });
        limiter.Used.ShouldBe(2890);
        limiter.CancelCap.ShouldBe(2_964_574);
    }
}
