using System.Globalization;

namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// Nonces for one signing key: <c>max(now_ms, last + 1)</c>, unique and increasing under concurrent callers
/// (compare-exchange loop), and never reused after a restart: before handing out a nonce above the persisted
/// high-water mark, the allocator writes a new mark <see cref="LeaseAhead"/> beyond it, and a new process starts
/// above the mark. The venue accepts nonces within (T − 2 days, T + 1 day) of its block time; the allocator refuses
/// to run more than <see cref="MaxAheadOfClock"/> ahead of the local clock.
/// </summary>
public sealed class NonceAllocator
{
    /// <summary>How far ahead of the clock a nonce may be before allocation is refused (the venue's limit is 1 day).</summary>
    public static readonly TimeSpan MaxAheadOfClock = TimeSpan.FromHours(12);

    private readonly TimeProvider _time;
    private readonly string? _highWaterFile;
    private readonly Lock _leaseLock = new();
    private long _last;
    private long _leased;

    /// <param name="time">Clock for <c>now_ms</c>.</param>
    /// <param name="highWaterFile">File holding the high-water mark; null keeps nonces in memory only (tests, tools).</param>
    /// <param name="leaseAhead">How far past the last nonce each persisted mark reaches (fewer writes vs. a bigger jump after restart).</param>
    public NonceAllocator(TimeProvider time, string? highWaterFile = null, TimeSpan? leaseAhead = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _highWaterFile = highWaterFile;
        LeaseAhead = leaseAhead ?? TimeSpan.FromSeconds(10);
        if (LeaseAhead < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(leaseAhead), leaseAhead, "must not be negative");
        if (highWaterFile is not null && ReadMark(highWaterFile) is { } mark)
        {
            _last = mark;
            _leased = mark;
        }
    }

    /// <summary>An allocator whose high-water mark lives in <paramref name="directory"/>, one file per signer address.</summary>
    public static NonceAllocator ForSigner(string signerAddress, string directory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signerAddress);
        Directory.CreateDirectory(directory);
        return new NonceAllocator(time ?? TimeProvider.System, Path.Combine(directory, $"nonce-{signerAddress.ToLowerInvariant()}.hwm"));
    }

    public TimeSpan LeaseAhead { get; }

    /// <summary>The last nonce handed out (or the restored high-water mark).</summary>
    public ulong Last => (ulong)Volatile.Read(ref _last);

    /// <summary>The next nonce; thread-safe.</summary>
    public ulong Next()
    {
        while (true)
        {
            long last = Volatile.Read(ref _last);
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            long candidate = Math.Max(now, last + 1);
            if (candidate - now > (long)MaxAheadOfClock.TotalMilliseconds)
                throw new InvalidOperationException(
                    $"nonce {candidate} would be {candidate - now} ms ahead of the clock; the venue rejects nonces more than 1 day ahead (clock moved back, or a corrupt high-water mark in {_highWaterFile})");
            if (candidate > Volatile.Read(ref _leased)) ExtendLease(candidate);
            if (Interlocked.CompareExchange(ref _last, candidate, last) == last) return (ulong)candidate;
        }
    }

    /// <summary>Persists a mark beyond <paramref name="nonce"/> before any nonce up to it is handed out.</summary>
    private void ExtendLease(long nonce)
    {
        lock (_leaseLock)
        {
            if (nonce <= _leased) return;
            long mark = nonce + (long)LeaseAhead.TotalMilliseconds;
            if (_highWaterFile is not null) WriteMark(_highWaterFile, mark);
            Volatile.Write(ref _leased, mark);
        }
    }

    private static long? ReadMark(string path)
    {
        if (!File.Exists(path)) return null;
        string text = File.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long mark) && mark >= 0
            ? mark
            : throw new InvalidDataException($"nonce high-water file {path} does not hold a non-negative integer: '{text}'");
    }

    private static void WriteMark(string path, long mark)
    {
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            byte[] bytes = System.Text.Encoding.ASCII.GetBytes(mark.ToString(CultureInfo.InvariantCulture));
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true); // atomic replace: a crash leaves the old or the new mark, never half
    }
}
