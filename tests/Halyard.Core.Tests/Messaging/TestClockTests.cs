using Halyard.Core.Messaging;

namespace Halyard.Core.Tests.Messaging;

public class TestClockTests
{
    [Fact]
    public void Advance_returns_due_events_of_all_timers_in_time_order()
    {
        var clock = new TestClock(startNs: 1_000);
        Action<TimeEvent> none = _ => { };
        clock.SetTimer("slow", intervalNs: 300, startNs: null, stopNs: null, none);   // 1300, 1600, 1900
        clock.SetTimer("fast", intervalNs: 200, startNs: null, stopNs: null, none);   // 1200, 1400, 1600, 1800, 2000
        clock.SetTimeAlert("alert", atNs: 1_500, none);

        var events = clock.AdvanceTo(2_000);

        events.Select(e => $"{e.Event.Name}@{e.Event.TsEvent}").ShouldBe(
        [
            "fast@1200", "slow@1300", "fast@1400", "alert@1500", "slow@1600", "fast@1600", "fast@1800", "slow@1900", "fast@2000",
        ]); // a tie goes to the timer set first
        clock.UtcNowNs.ShouldBe(2_000);
        clock.TimerNames.ShouldBe(["slow", "fast"], ignoreOrder: true);
        clock.NextFireNs("fast").ShouldBe(2_200);
        clock.NextEventNs.ShouldBe(2_200);
    }

    [Fact]
    public void Fire_runs_callbacks_with_the_clock_at_each_event_time()
    {
        var clock = new TestClock(0);
        var seen = new List<(string Name, long Ts, long Now)>();
        clock.SetTimer("t", 10, null, stopNs: 30, e => seen.Add((e.Name, e.TsEvent, clock.UtcNowNs)));

        clock.AdvanceAndFire(100).ShouldBe(3);

        seen.ShouldBe([("t", 10L, 10L), ("t", 20L, 20L), ("t", 30L, 30L)]);
        clock.UtcNowNs.ShouldBe(100);
        clock.TimerNames.ShouldBeEmpty(); // the stop time ended it
    }

    [Fact]
    public void Timers_set_by_a_callback_fire_in_the_same_advance_when_due()
    {
        var clock = new TestClock(0);
        var seen = new List<string>();
        clock.SetTimeAlert("first", 10, _ =>
        {
            seen.Add($"first@{clock.UtcNowNs}");
            clock.SetTimeAlert("second", clock.UtcNowNs + 5, _ => seen.Add($"second@{clock.UtcNowNs}"));
        });
        clock.SetTimeAlert("late", 12, _ => seen.Add($"late@{clock.UtcNowNs}"));

        clock.AdvanceAndFire(50);

        seen.ShouldBe(["first@10", "late@12", "second@15"]);
    }

    [Fact]
    public void A_canceled_timer_no_longer_fires()
    {
        var clock = new TestClock(0);
        int fired = 0;
        clock.SetTimer("t", 10, null, null, _ => fired++);
        clock.AdvanceAndFire(25);
        clock.CancelTimer("t");
        clock.AdvanceAndFire(100);
        fired.ShouldBe(2);
        clock.NextFireNs("t").ShouldBeNull();
    }

    [Fact]
    public void An_alert_in_the_past_fires_at_the_next_advance()
    {
        var clock = new TestClock(100);
        clock.SetTimeAlert("late", 50, _ => { });
        clock.AdvanceTo(100).Single().Event.TsEvent.ShouldBe(100);
    }

    [Fact]
    public void Timer_names_are_unique_and_time_never_goes_back()
    {
        var clock = new TestClock(100);
        clock.SetTimeAlert("a", 200, _ => { });
        Should.Throw<InvalidOperationException>(() => clock.SetTimeAlert("a", 300, _ => { })).Message.ShouldContain("'a'");
        Should.Throw<ArgumentOutOfRangeException>(() => clock.AdvanceTo(50));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.SetTimer("b", 0, null, null, _ => { }));
    }

    [Fact]
    public void TryTakeDue_hands_out_due_events_one_at_a_time_in_time_order_without_moving_the_clock()
    {
        var clock = new TestClock(startNs: 1_000);
        Action<TimeEvent> none = _ => { };
        clock.SetTimer("slow", intervalNs: 300, startNs: null, stopNs: null, none);
        clock.SetTimer("fast", intervalNs: 200, startNs: null, stopNs: null, none);
        clock.SetTimeAlert("alert", atNs: 1_500, none);
        clock.NextEventNs.ShouldBe(1_200);

        var taken = new List<string>();
        while (clock.TryTakeDue(1_600, out TimeEventHandler handler)) taken.Add($"{handler.Event.Name}@{handler.Event.TsEvent}");

        taken.ShouldBe(["fast@1200", "slow@1300", "fast@1400", "alert@1500", "slow@1600", "fast@1600"]);
        clock.UtcNowNs.ShouldBe(1_000);
        clock.NextEventNs.ShouldBe(1_800);
        clock.TimerNames.ShouldBe(["slow", "fast"], ignoreOrder: true);
    }

    [Fact]
    public void TryTakeDue_skips_a_timer_canceled_after_an_earlier_one_was_taken_and_sees_one_set_meanwhile()
    {
        var clock = new TestClock(0);
        clock.SetTimeAlert("a", 10, _ => { });
        clock.SetTimeAlert("b", 10, _ => { });

        clock.TryTakeDue(10, out TimeEventHandler first).ShouldBeTrue();
        first.Event.Name.ShouldBe("a");
        clock.CancelTimer("b");
        clock.SetTimeAlert("c", 10, _ => { });

        clock.TryTakeDue(10, out TimeEventHandler second).ShouldBeTrue();
        second.Event.Name.ShouldBe("c");
        clock.TryTakeDue(10, out _).ShouldBeFalse();
        clock.NextEventNs.ShouldBeNull();
    }
}
