namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// Client-side token bucket for the per-IP REST weight budget (1200 per minute, refilled continuously). Normal
/// requests leave <see cref="CancelReserve"/> weight untouched so cancels still go out when the budget runs low:
/// the node slows down instead of being throttled by the venue. Thread-safe; time comes from a <see cref="TimeProvider"/>.
/// </summary>
public sealed class RestWeightLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _lastRefill;

    public RestWeightLimiter(TimeProvider? time = null, int weightPerMinute = 1200, int cancelReserve = 100)
    {
        if (weightPerMinute <= 0) throw new ArgumentOutOfRangeException(nameof(weightPerMinute), weightPerMinute, "must be positive");
        if (cancelReserve < 0 || cancelReserve >= weightPerMinute)
            throw new ArgumentOutOfRangeException(nameof(cancelReserve), cancelReserve, "must be in [0, weightPerMinute)");
        _time = time ?? TimeProvider.System;
        WeightPerMinute = weightPerMinute;
        CancelReserve = cancelReserve;
        _tokens = weightPerMinute;
        _lastRefill = _time.GetTimestamp();
    }

    public int WeightPerMinute { get; }
    public int CancelReserve { get; }

    /// <summary>Weight available right now (negative after an over-charge).</summary>
    public double Available
    {
        get { lock (_lock) { Refill(); return _tokens; } }
    }

    /// <summary>Takes <paramref name="weight"/> if it is available now.</summary>
    public bool TryAcquire(int weight, RequestPriority priority = RequestPriority.Normal) => Reserve(weight, priority) == TimeSpan.Zero;

    /// <summary>Waits until <paramref name="weight"/> is available, then takes it.</summary>
    public async ValueTask AcquireAsync(int weight, RequestPriority priority, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait = Reserve(weight, priority);
            if (wait == TimeSpan.Zero) return;
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Charges weight learned after the fact (items returned); the bucket may go negative.</summary>
    public void Charge(int weight)
    {
        if (weight <= 0) return;
        lock (_lock)
        {
            Refill();
            _tokens -= weight;
        }
    }

    /// <summary>The venue answered 429: our view was too optimistic, so empty the bucket.</summary>
    public void OnThrottled()
    {
        lock (_lock)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
        }
    }

    /// <summary>Takes the weight and returns zero, or returns how long to wait before it could be taken.</summary>
    private TimeSpan Reserve(int weight, RequestPriority priority)
    {
        if (weight <= 0) throw new ArgumentOutOfRangeException(nameof(weight), weight, "must be positive");
        int floor = priority == RequestPriority.Cancel ? 0 : CancelReserve;
        if (weight + floor > WeightPerMinute)
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"can never fit a budget of {WeightPerMinute} with {floor} in reserve");
        lock (_lock)
        {
            Refill();
            double missing = weight + floor - _tokens;
            if (missing <= 0)
            {
                _tokens -= weight;
                return TimeSpan.Zero;
            }
            double seconds = missing * 60.0 / WeightPerMinute;
            return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)));
        }
    }

    private void Refill()
    {
        long now = _time.GetTimestamp();
        double elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(WeightPerMinute, _tokens + elapsed * WeightPerMinute / 60.0);
    }
}
