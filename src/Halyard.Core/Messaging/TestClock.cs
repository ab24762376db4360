namespace Halyard.Core.Messaging;

/// <summary>
/// A clock that moves only when told to, for backtests and tests. Events come out in exact time order,
/// ties broken by the order the timers were set, so a run is reproducible to the nanosecond.
/// </summary>
public sealed class TestClock : IClock
{
    private sealed class Timer(string name, long intervalNs, long nextNs, long? stopNs, Action<TimeEvent> callback, long sequence)
    {
        public string Name { get; } = name;
        public long IntervalNs { get; } = intervalNs; // 0 for a one-shot alert
        public long NextNs { get; set; } = nextNs;
        public long? StopNs { get; } = stopNs;
        public Action<TimeEvent> Callback { get; } = callback;
        public long Sequence { get; } = sequence;
        public bool IsDue(long at) => NextNs <= at && (StopNs is not long stop || NextNs <= stop);
    }

    private readonly Dictionary<string, Timer> _timers = new(StringComparer.Ordinal);
    private long _nowNs;
    private long _sequence;
    // The earliest pending fire time, kept so a backtest can ask once per event without scanning the timers.
    private long? _nextEventNs;
    private bool _nextEventKnown = true;

    public TestClock(long startNs = 0) => _nowNs = startNs;

    public long UtcNowNs => _nowNs;

    public IReadOnlyCollection<string> TimerNames => _timers.Keys;

    /// <summary>Sets the time without firing anything (backtests set it to each event's time).</summary>
    public void SetTime(long ns)
    {
        if (ns < _nowNs) throw new ArgumentOutOfRangeException(nameof(ns), ns, $"time cannot go backwards (now {_nowNs})");
        _nowNs = ns;
    }

    public void SetTimer(string name, long intervalNs, long? startNs, long? stopNs, Action<TimeEvent> callback)
    {
        if (intervalNs <= 0) throw new ArgumentOutOfRangeException(nameof(intervalNs), intervalNs, "must be positive");
        long start = startNs ?? _nowNs;
        if (stopNs is long stop && stop < start) throw new ArgumentOutOfRangeException(nameof(stopNs), stopNs, "must not be before the start");
        Add(new Timer(name, intervalNs, start + intervalNs, stopNs, callback, _sequence++));
    }

    public void SetTimeAlert(string name, long atNs, Action<TimeEvent> callback) =>
        Add(new Timer(name, 0, Math.Max(atNs, _nowNs), null, callback, _sequence++));

    private void Add(Timer timer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timer.Name);
        ArgumentNullException.ThrowIfNull(timer.Callback);
        if (!_timers.TryAdd(timer.Name, timer))
            throw new InvalidOperationException($"a timer named '{timer.Name}' is already set");
        _nextEventKnown = false;
    }

    public void CancelTimer(string name)
    {
        if (_timers.Remove(name)) _nextEventKnown = false;
    }

    public long? NextFireNs(string name) => _timers.TryGetValue(name, out Timer? t) ? t.NextNs : null;

    /// <summary>When the earliest pending timer fires, or null when none is pending.</summary>
    public long? NextEventNs
    {
        get
        {
            if (_nextEventKnown) return _nextEventNs;
            long? next = null;
            foreach (Timer t in _timers.Values)
                if (t.StopNs is not long stop || t.NextNs <= stop)
                    next = next is long n ? Math.Min(n, t.NextNs) : t.NextNs;
            _nextEventNs = next;
            _nextEventKnown = true;
            return next;
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="toNs"/> and returns every event due by then, in time order,
    /// without running them: the caller interleaves them with its data and invokes each one.
    /// </summary>
    public IReadOnlyList<TimeEventHandler> AdvanceTo(long toNs)
    {
        if (toNs < _nowNs) throw new ArgumentOutOfRangeException(nameof(toNs), toNs, $"time cannot go backwards (now {_nowNs})");
        var due = new List<(long Ts, long Seq, TimeEventHandler Handler)>();
        foreach (Timer t in _timers.Values.ToArray())
        {
            while (t.IsDue(toNs))
            {
                due.Add((t.NextNs, t.Sequence, new TimeEventHandler(new TimeEvent(t.Name, t.NextNs, t.NextNs), t.Callback)));
                if (!Reschedule(t)) break;
            }
        }
        due.Sort((a, b) => a.Ts != b.Ts ? a.Ts.CompareTo(b.Ts) : a.Seq.CompareTo(b.Seq));
        _nowNs = toNs;
        return due.ConvertAll(d => d.Handler);
    }

    /// <summary>
    /// Takes the earliest event due by <paramref name="toNs"/> (time order, ties in the order the timers were
    /// set) and moves its timer on, without running it or moving the clock; false when nothing is due. The
    /// allocation-free way for a backtest to interleave timers with its data, one event at a time, so a timer
    /// canceled or set by an earlier callback is seen.
    /// </summary>
    public bool TryTakeDue(long toNs, out TimeEventHandler handler)
    {
        if (NextEventNs is not long next || next > toNs || NextDue(toNs) is not Timer t)
        {
            handler = default;
            return false;
        }
        handler = new TimeEventHandler(new TimeEvent(t.Name, t.NextNs, t.NextNs), t.Callback);
        Reschedule(t);
        return true;
    }

    /// <summary>
    /// Fires every event due by <paramref name="toNs"/> one at a time, with the clock set to each event's
    /// time while its callback runs (so timers set by a callback fire too if due), then moves to <paramref name="toNs"/>.
    /// </summary>
    /// <returns>The number of events fired.</returns>
    public int AdvanceAndFire(long toNs)
    {
        if (toNs < _nowNs) throw new ArgumentOutOfRangeException(nameof(toNs), toNs, $"time cannot go backwards (now {_nowNs})");
        int fired = 0;
        while (NextDue(toNs) is Timer t)
        {
            long ts = t.NextNs;
            _nowNs = ts;
            var ev = new TimeEvent(t.Name, ts, ts);
            Reschedule(t);
            t.Callback(ev);
            fired++;
        }
        _nowNs = toNs;
        return fired;
    }

    private Timer? NextDue(long toNs)
    {
        Timer? best = null;
        foreach (Timer t in _timers.Values)
            if (t.IsDue(toNs) && (best is null || t.NextNs < best.NextNs || (t.NextNs == best.NextNs && t.Sequence < best.Sequence)))
                best = t;
        return best;
    }

    /// <summary>Moves a timer to its next fire time, removing it when it has no more; false when removed.</summary>
    private bool Reschedule(Timer t)
    {
        _nextEventKnown = false;
        if (t.IntervalNs > 0)
        {
            t.NextNs += t.IntervalNs;
            if (t.StopNs is not long stop || t.NextNs <= stop) return true;
        }
        _timers.Remove(t.Name);
        return false;
    }
}
