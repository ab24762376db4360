using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// Client-side view of the per-address action budget (PROTOCOL §10): <c>cap</c> requests (10000 + 1 per USDC traded),
/// cancels up to <c>min(cap + 100000, 2·cap)</c>, and once exhausted 1 request per 10 s. Normal actions stop
/// <see cref="CancelReserve"/> short of the cap and fall back to the 1-per-10-s pace there, so cancels always have
/// room. Re-synchronise with <see cref="Sync"/> from <c>userRateLimit</c>. Thread-safe.
/// </summary>
public sealed class AddressActionLimiter
{
    /// <summary>The venue's pace once the budget is exhausted.</summary>
    public static readonly TimeSpan ExhaustedInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _used;
    private long _cap;
    private long? _lastSlowGrant;

    public AddressActionLimiter(TimeProvider? time = null, long initialCap = 10_000, long used = 0, long cancelReserve = 500)
    {
        if (initialCap <= 0) throw new ArgumentOutOfRangeException(nameof(initialCap), initialCap, "must be positive");
        if (cancelReserve < 0) throw new ArgumentOutOfRangeException(nameof(cancelReserve), cancelReserve, "must not be negative");
        _time = time ?? TimeProvider.System;
        _cap = initialCap;
        _used = used;
        CancelReserve = cancelReserve;
    }

    public long CancelReserve { get; }

    public long Used { get { lock (_lock) return _used; } }
    public long Cap { get { lock (_lock) return _cap; } }
    public long CancelCap { get { lock (_lock) return CancelCapOf(_cap); } }

    /// <summary>Adopts the venue's numbers (they also grow the cap as volume trades).</summary>
    public void Sync(UserRateLimit snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _used = snapshot.NRequestsUsed;
            _cap = Math.Max(1, snapshot.NRequestsCap);
        }
    }

    /// <summary>Takes <paramref name="count"/> requests (a batch of n orders counts n) or says how long to wait.</summary>
    public TimeSpan Reserve(int count, RequestPriority priority)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        lock (_lock)
        {
            long limit = priority == RequestPriority.Cancel ? CancelCapOf(_cap) : _cap - CancelReserve;
            if (_used + count <= limit)
            {
                _used += count;
                return TimeSpan.Zero;
            }
            // Exhausted (or into the cancel reserve): the venue's own slow pace, one request per interval.
            long now = _time.GetTimestamp();
            if (_lastSlowGrant is { } last)
            {
                TimeSpan since = _time.GetElapsedTime(last, now);
                if (since < ExhaustedInterval) return ExhaustedInterval - since;
            }
            _lastSlowGrant = now;
            _used += count;
            return TimeSpan.Zero;
        }
    }

    public bool TryAcquire(int count, RequestPriority priority = RequestPriority.Normal) => Reserve(count, priority) == TimeSpan.Zero;

    public async ValueTask AcquireAsync(int count, RequestPriority priority, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait = Reserve(count, priority);
            if (wait == TimeSpan.Zero) return;
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static long CancelCapOf(long cap) => Math.Min(cap + 100_000, 2 * cap);
}
