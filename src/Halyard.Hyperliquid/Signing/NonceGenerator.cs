namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Nonces for one signer (PROTOCOL §9): current Unix milliseconds, but always strictly increasing, so two actions
/// in the same millisecond never collide. Thread-safe and lock-free. Use one per signing key.
/// </summary>
public sealed class NonceGenerator(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _last;

    /// <summary>max(now_ms, last + 1).</summary>
    public ulong Next()
    {
        while (true)
        {
            long last = Interlocked.Read(ref _last);
            long now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            long next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return (ulong)next;
        }
    }
}
