namespace Halyard.Core.Risk;

/// <summary>
/// A rate limit on the kernel clock: up to <c>capacity</c> takes at once, refilled continuously at
/// capacity per interval. Integer arithmetic in 1/interval token units, so it is exact and deterministic.
/// </summary>
public sealed class TokenBucket
{
    private readonly long _capacity;
    private readonly long _intervalNs;
    private long _units;   // tokens × intervalNs
    private long _lastNs;

    public TokenBucket(int capacity, long intervalNs, long nowNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalNs);
        _capacity = capacity;
        _intervalNs = intervalNs;
        _units = capacity * intervalNs;
        _lastNs = nowNs;
    }

    /// <summary>Whole tokens available at <paramref name="nowNs"/>.</summary>
    public long Available(long nowNs)
    {
        Refill(nowNs);
        return _units / _intervalNs;
    }

    /// <summary>Takes one token; false when the rate is exhausted.</summary>
    public bool TryTake(long nowNs)
    {
        Refill(nowNs);
        if (_units < _intervalNs) return false;
        _units -= _intervalNs;
        return true;
    }

    private void Refill(long nowNs)
    {
        long elapsed = Math.Min(Math.Max(0, nowNs - _lastNs), _intervalNs);
        _lastNs = Math.Max(_lastNs, nowNs);
        _units = Math.Min(_capacity * _intervalNs, _units + elapsed * _capacity);
    }
}
