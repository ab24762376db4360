using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Tests.Venue;

public sealed class NonceTrackerTests
{
    private const ulong Now = 1_800_000_000_000;

    [Fact]
    public void Nonces_are_per_signer_and_a_used_one_is_refused()
    {
        var tracker = new NonceTracker();
        tracker.TryUse("0xa", Now, Now).ShouldBeNull();
        tracker.TryUse("0xb", Now, Now).ShouldBeNull();
        tracker.TryUse("0xa", Now, Now)!.ShouldContain("duplicate");
    }

    [Fact]
    public void The_window_is_two_days_back_and_one_day_ahead_exclusive()
    {
        var tracker = new NonceTracker();
        ulong day = 86_400_000;
        tracker.TryUse("0xa", Now - 2 * day, Now).ShouldNotBeNull();
        tracker.TryUse("0xa", Now - 2 * day + 1, Now).ShouldBeNull();
        tracker.TryUse("0xa", Now + day - 1, Now).ShouldBeNull();
        tracker.TryUse("0xa", Now + day, Now).ShouldNotBeNull();
    }

    [Fact]
    public void With_a_hundred_kept_a_nonce_must_exceed_the_smallest()
    {
        var tracker = new NonceTracker();
        for (ulong i = 1; i <= 100; i++) tracker.TryUse("0xa", Now + i * 10, Now).ShouldBeNull();
        tracker.TryUse("0xa", Now + 5, Now)!.ShouldContain("too low");
        tracker.TryUse("0xa", Now + 15, Now).ShouldBeNull(); // above the smallest (Now + 10): evicts it
        tracker.TryUse("0xa", Now + 12, Now)!.ShouldContain("too low"); // the smallest is now Now + 15
    }

    [Fact]
    public void A_forgotten_signer_starts_fresh()
    {
        var tracker = new NonceTracker();
        tracker.TryUse("0xa", Now, Now).ShouldBeNull();
        tracker.Forget("0xa");
        tracker.TryUse("0xa", Now, Now).ShouldBeNull();
    }
}
