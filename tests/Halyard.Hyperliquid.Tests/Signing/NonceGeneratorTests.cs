using System.Collections.Concurrent;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Tests.Signing;

public class NonceGeneratorTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Nonces_follow_the_clock_and_stay_strictly_increasing_within_a_millisecond()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var nonces = new NonceGenerator(clock);
        nonces.Next().ShouldBe(1_700_000_000_000UL);
        nonces.Next().ShouldBe(1_700_000_000_001UL);
        clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500);
        nonces.Next().ShouldBe(1_700_000_000_500UL);
        clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(1_699_999_999_000); // clock stepped back
        nonces.Next().ShouldBe(1_700_000_000_501UL);
    }

    [Fact]
    public void Concurrent_callers_never_get_the_same_nonce()
    {
        var nonces = new NonceGenerator();
        var seen = new ConcurrentBag<ulong>();
        Parallel.For(0, 20_000, _ => seen.Add(nonces.Next()));
        seen.Distinct().Count().ShouldBe(20_000);
    }
}
