using System.Collections.Concurrent;

namespace Halyard.Core.Messaging;

/// <summary>
/// Wall-clock time from a <see cref="TimeProvider"/> (the system's unless one is handed in). Timers
/// never run callbacks on timer threads: each firing is posted into the kernel inbox and the kernel
/// runs it, so strategies need no locks.
/// </summary>
public sealed class LiveClock : IClock, IDisposable
{
    private sealed class LiveTimer : IDisposable
    {
        private readonly LiveClock _clock;
        private readonly long _intervalNs; // 0 for a one-shot alert
        private readonly long? _stopNs;
        private readonly Action<TimeEvent> _callback;
        private readonly Action<TimeEvent> _onKernelThread;
        private ITimer? _timer;
        private long _nextNs;
        private volatile bool _canceled;

        public LiveTimer(LiveClock clock, string name, long intervalNs, long firstNs, long? stopNs, Action<TimeEvent> callback)
        {
            _clock = clock;
            Name = name;
            _intervalNs = intervalNs;
            _nextNs = firstNs;
            _stopNs = stopNs;
            _callback = callback;
            _onKernelThread = RunOnKernelThread;
        }

        public string Name { get; }
        public long NextNs => Volatile.Read(ref _nextNs);

        public void Start() => _timer = _clock._timeProvider.CreateTimer(static s => ((LiveTimer)s!).Fire(), this, DueIn(), Timeout.InfiniteTimeSpan);

        private TimeSpan DueIn() => TimeSpan.FromTicks(Math.Max(0, (Volatile.Read(ref _nextNs) - _clock.UtcNowNs) / 100));

        // Timer thread: post the event, then arm the next firing. Never touches kernel state.
        private void Fire()
        {
            if (_canceled) return;
            long due = Volatile.Read(ref _nextNs);
            bool more = _intervalNs > 0 && (_stopNs is not long stop || due + _intervalNs <= stop);
            _clock._post(new TimeEventHandler(new TimeEvent(Name, due, _clock.UtcNowNs), _onKernelThread));
            if (!more) return;
            Volatile.Write(ref _nextNs, due + _intervalNs);
            _timer?.Change(DueIn(), Timeout.InfiniteTimeSpan);
        }

        // Kernel thread: a cancel that raced with a posted firing wins.
        private void RunOnKernelThread(TimeEvent ev)
        {
            if (_canceled) return;
            bool last = _intervalNs == 0 || (_stopNs is long stop && ev.TsEvent + _intervalNs > stop);
            if (last) _clock.Remove(this);
            _callback(ev);
        }

        public void Dispose()
        {
            _canceled = true;
            _timer?.Dispose();
        }
    }

    private readonly TimeProvider _timeProvider;
    private readonly Action<TimeEventHandler> _post;
    private readonly long _originNs;
    private readonly long _originTimestamp;
    private readonly ConcurrentDictionary<string, LiveTimer> _timers = new(StringComparer.Ordinal);

    /// <param name="post">Where firings go, normally <see cref="KernelInbox.Post(in TimeEventHandler)"/>.</param>
    public LiveClock(Action<TimeEventHandler> post, TimeProvider? timeProvider = null)
    {
        _post = post ?? throw new ArgumentNullException(nameof(post));
        _timeProvider = timeProvider ?? TimeProvider.System;
        // Wall time once, then the monotonic high-resolution counter: nanosecond steps, never backwards.
        _originNs = (_timeProvider.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        _originTimestamp = _timeProvider.GetTimestamp();
    }

    public LiveClock(KernelInbox inbox, TimeProvider? timeProvider = null)
        : this(h => inbox.Post(h), timeProvider) { }

    public long UtcNowNs
    {
        get
        {
            long elapsed = _timeProvider.GetTimestamp() - _originTimestamp;
            long frequency = _timeProvider.TimestampFrequency;
            return _originNs + (long)((Int128)elapsed * 1_000_000_000 / frequency);
        }
    }

    public IReadOnlyCollection<string> TimerNames => [.. _timers.Keys];

    public void SetTimer(string name, long intervalNs, long? startNs, long? stopNs, Action<TimeEvent> callback)
    {
        if (intervalNs <= 0) throw new ArgumentOutOfRangeException(nameof(intervalNs), intervalNs, "must be positive");
        long start = startNs ?? UtcNowNs;
        if (stopNs is long stop && stop < start) throw new ArgumentOutOfRangeException(nameof(stopNs), stopNs, "must not be before the start");
        Add(new LiveTimer(this, name, intervalNs, start + intervalNs, stopNs, callback));
    }

    public void SetTimeAlert(string name, long atNs, Action<TimeEvent> callback) =>
        Add(new LiveTimer(this, name, 0, atNs, null, callback));

    private void Add(LiveTimer timer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timer.Name);
        if (!_timers.TryAdd(timer.Name, timer))
            throw new InvalidOperationException($"a timer named '{timer.Name}' is already set");
        timer.Start();
    }

    public void CancelTimer(string name)
    {
        if (_timers.TryRemove(name, out LiveTimer? timer)) timer.Dispose();
    }

    public long? NextFireNs(string name) => _timers.TryGetValue(name, out LiveTimer? t) ? t.NextNs : null;

    private void Remove(LiveTimer timer)
    {
        if (_timers.TryRemove(new KeyValuePair<string, LiveTimer>(timer.Name, timer))) timer.Dispose();
    }

    public void Dispose()
    {
        foreach (LiveTimer timer in _timers.Values) timer.Dispose();
        _timers.Clear();
    }
}
