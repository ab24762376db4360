using System.Text.Json;
using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Persistence.Redis.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Halyard.Persistence.Redis;

/// <summary>
/// The risk manager's state (halt, kill-switch equity marks) in Redis at <c>halyard:{traderId}:risk</c>.
/// <see cref="Save"/> returns at once: only the latest state matters, so a background writer writes the newest
/// one, retrying while Redis is down. <see cref="Load"/> reads synchronously; the risk manager calls it once at start.
/// </summary>
public sealed class RedisRiskStateStore : IRiskStateStore, IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _key;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private RiskState? _pending;
    private long _saved;
    private long _written;
    private long _writeFailures;

    public RedisRiskStateStore(IConnectionMultiplexer redis, TraderId traderId, ILogger<RedisRiskStateStore>? logger = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _key = new RedisKeys(traderId).RiskState;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Saves that failed (each retried with the newest state).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <exception cref="StoredStateException">The stored value is malformed.</exception>
    public RiskState? Load()
    {
        RedisValue value = _redis.GetDatabase().StringGet(_key);
        if (value.IsNull) return null;
        try
        {
            return JsonSerializer.Deserialize<RiskState>(value.ToString(), StateJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new StoredStateException(_key.ToString(), ex.Message, ex);
        }
    }

    public void Save(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Volatile.Write(ref _pending, state);
        Interlocked.Increment(ref _saved);
        _signal.Release();
    }

    /// <summary>Waits until the newest saved state is written; false when <paramref name="ct"/> fires first.</summary>
    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        long target = Interlocked.Read(ref _saved);
        while (Interlocked.Read(ref _written) < target)
        {
            if (ct.IsCancellationRequested || _writer.IsCompleted) return false;
            try
            {
                await Task.Delay(5, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private async Task WriteLoopAsync()
    {
        CancellationToken stop = _stop.Token;
        TimeSpan delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            await _signal.WaitAsync(stop).ConfigureAwait(false);
            while (_signal.CurrentCount > 0) await _signal.WaitAsync(stop).ConfigureAwait(false); // coalesce: the newest wins
            while (true)
            {
                long covered = Interlocked.Read(ref _saved);
                RiskState state = Volatile.Read(ref _pending)!;
                try
                {
                    await _redis.GetDatabase().StringSetAsync(_key, JsonSerializer.Serialize(state, StateJson.Options)).ConfigureAwait(false);
                    Interlocked.Exchange(ref _written, covered);
                    delay = TimeSpan.FromMilliseconds(100);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Increment(ref _writeFailures);
                    _log.LogWarning("Risk state not written to Redis, retrying in {Delay}: {Error}", delay, ex.Message);
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await FlushAsync(flush.Token).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        _stop.Dispose();
        _signal.Dispose();
    }
}
