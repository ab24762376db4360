using System.Collections.Concurrent;
using Halyard.Hyperliquid.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Hyperliquid.Tests.Rest;

public sealed class NonceAllocatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "halyard-nonce-" + Guid.NewGuid().ToString("N"));
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_754_450_000_000);

    public NonceAllocatorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Nonces_follow_the_clock_and_step_by_one_within_a_millisecond()
    {
        var clock = new FakeTimeProvider(Start);
        var nonces = new NonceAllocator(clock);
        nonces.Next().ShouldBe(1_754_450_000_000UL);
        nonces.Next().ShouldBe(1_754_450_000_001UL);
        nonces.Next().ShouldBe(1_754_450_000_002UL);
        clock.Advance(TimeSpan.FromSeconds(1));
        nonces.Next().ShouldBe(1_754_450_001_000UL);
    }

    [Fact]
    public void A_clock_that_steps_back_never_produces_a_smaller_nonce()
    {
        var clock = new ManualClock { Now = Start };
        var nonces = new NonceAllocator(clock);
        ulong first = nonces.Next();
        clock.Now = Start - TimeSpan.FromSeconds(5); // NTP step backwards
        nonces.Next().ShouldBe(first + 1);
    }

    [Fact]
    public void Many_threads_get_unique_increasing_nonces()
    {
        var nonces = new NonceAllocator(new FakeTimeProvider(Start)); // frozen clock: every nonce comes from the counter
        var perThread = new ConcurrentBag<ulong[]>();
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            var mine = new ulong[5_000];
            for (int i = 0; i < mine.Length; i++) mine[i] = nonces.Next();
            perThread.Add(mine);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var all = perThread.SelectMany(x => x).ToList();
        all.Distinct().Count().ShouldBe(40_000);
        foreach (var mine in perThread)
            for (int i = 1; i < mine.Length; i++) mine[i].ShouldBeGreaterThan(mine[i - 1]);
        all.Max().ShouldBe(1_754_450_000_000UL + 39_999);
    }

    [Fact]
    public void A_restarted_allocator_starts_above_every_nonce_handed_out_before()
    {
        var clock = new FakeTimeProvider(Start);
        var before = NonceAllocator.ForSigner("0xABCDEF0000000000000000000000000000000001", _dir, clock);
        ulong last = 0;
        for (int i = 0; i < 50_000; i++) last = before.Next(); // runs 50 s ahead of the frozen clock
        File.Exists(Path.Combine(_dir, "nonce-0xabcdef0000000000000000000000000000000001.hwm")).ShouldBeTrue();

        var after = NonceAllocator.ForSigner("0xabcdef0000000000000000000000000000000001", _dir, clock); // same ms, new process
        after.Next().ShouldBeGreaterThan(last);
    }

    [Fact]
    public void Different_signers_keep_separate_marks()
    {
        var clock = new FakeTimeProvider(Start);
        var a = NonceAllocator.ForSigner("0x1111111111111111111111111111111111111111", _dir, clock);
        for (int i = 0; i < 20_000; i++) a.Next();
        var b = NonceAllocator.ForSigner("0x2222222222222222222222222222222222222222", _dir, clock);
        b.Next().ShouldBe(1_754_450_000_000UL);
    }

    [Fact]
    public void Allocation_refuses_to_run_a_day_ahead_of_the_clock()
    {
        string file = Path.Combine(_dir, "future.hwm");
        File.WriteAllText(file, (Start.ToUnixTimeMilliseconds() + (long)TimeSpan.FromDays(2).TotalMilliseconds).ToString());
        var nonces = new NonceAllocator(new FakeTimeProvider(Start), file);
        Should.Throw<InvalidOperationException>(() => nonces.Next()).Message.ShouldContain("ahead of the clock");
    }

    [Fact]
    public void A_corrupt_mark_file_is_reported_with_its_path()
    {
        string file = Path.Combine(_dir, "corrupt.hwm");
        File.WriteAllText(file, "not a number");
        Should.Throw<InvalidDataException>(() => new NonceAllocator(TimeProvider.System, file)).Message.ShouldContain(file);
    }

    /// <summary>A wall clock that can step backwards (FakeTimeProvider refuses to).</summary>
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
