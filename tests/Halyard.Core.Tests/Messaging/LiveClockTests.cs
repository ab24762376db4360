using Halyard.Core.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Core.Tests.Messaging;

public class LiveClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static long StartNs => (Start.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    [Fact]
    public void Now_is_wall_time_in_nanoseconds_since_the_epoch()
    {
        var time = new FakeTimeProvider(Start);
        using var clock = new LiveClock(new KernelInbox(), time);
        clock.UtcNowNs.ShouldBe(StartNs);
        time.Advance(TimeSpan.FromMilliseconds(1.5));
        clock.UtcNowNs.ShouldBe(StartNs + 1_500_000);
    }

    [Fact]
    public void Timers_post_their_firings_to_the_inbox_instead_of_running_callbacks()
    {
        var time = new FakeTimeProvider(Start);
        var inbox = new KernelInbox();
        using var clock = new LiveClock(inbox, time);
        var ran = new List<long>();
        clock.SetTimer("tick", intervalNs: 1_000_000_000, startNs: null, stopNs: StartNs + 2_000_000_000, e => ran.Add(e.TsEvent));

        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1)); // past the stop: nothing more

        ran.ShouldBeEmpty(); // nothing ran on the timer's thread
        var posted = Drain(inbox);
        posted.Select(h => h.Event.TsEvent).ShouldBe([StartNs + 1_000_000_000, StartNs + 2_000_000_000]);
        foreach (TimeEventHandler h in posted) h.Invoke(); // what the kernel does
        ran.ShouldBe([StartNs + 1_000_000_000, StartNs + 2_000_000_000]);
        clock.TimerNames.ShouldBeEmpty();
    }

    [Fact]
    public void A_cancel_wins_over_a_firing_already_in_the_inbox()
    {
        var time = new FakeTimeProvider(Start);
        var inbox = new KernelInbox();
        using var clock = new LiveClock(inbox, time);
        int ran = 0;
        clock.SetTimeAlert("once", StartNs + 1_000, _ => ran++);
        time.Advance(TimeSpan.FromMilliseconds(1));
        clock.CancelTimer("once");

        foreach (TimeEventHandler h in Drain(inbox)) h.Invoke();
        ran.ShouldBe(0);
    }

    [Fact]
    public void An_alert_fires_once_and_is_forgotten()
    {
        var time = new FakeTimeProvider(Start);
        var inbox = new KernelInbox();
        using var clock = new LiveClock(inbox, time);
        int ran = 0;
        clock.SetTimeAlert("once", StartNs + 5_000_000, _ => ran++);
        clock.NextFireNs("once").ShouldBe(StartNs + 5_000_000);
        time.Advance(TimeSpan.FromSeconds(1));
        foreach (TimeEventHandler h in Drain(inbox)) h.Invoke();
        ran.ShouldBe(1);
        clock.TimerNames.ShouldBeEmpty();
        clock.SetTimeAlert("once", StartNs + 9_000_000_000, _ => { }); // the name is free again
    }

    private static List<TimeEventHandler> Drain(KernelInbox inbox)
    {
        var list = new List<TimeEventHandler>();
        while (inbox.Reader.TryRead(out KernelMessage m))
        {
            m.Kind.ShouldBe(KernelMessageKind.Time);
            list.Add(m.Time);
        }
        return list;
    }
}
