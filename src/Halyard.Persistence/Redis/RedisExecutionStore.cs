using System.Threading.Channels;
using Halyard.Core.Cache;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Halyard.Persistence.Redis;

/// <summary>
/// Execution state in Redis under <c>halyard:{traderId}:</c>: each order's events (a list per order), the order
/// and open-order indexes, position snapshots, account states, id counters and the newest fill. The kernel's
/// records go into a bounded queue and a background writer pipelines them to Redis, retrying while Redis is
/// down; the kernel never waits on Redis.
/// </summary>
public sealed partial class RedisExecutionStore : IExecutionStateStore, IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly RedisKeys _keys;
    private readonly RedisExecutionStoreOptions _options;
    private readonly ILogger _log;
    private readonly Channel<PendingWrite> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private long _enqueued;
    private long _written;
    private long _writeFailures;
    private long _dropped;

    /// <param name="redis">A connection made with abortConnect=false, so the store survives Redis starting after it.</param>
    /// <param name="ownsConnection">Dispose <paramref name="redis"/> with the store.</param>
    public RedisExecutionStore(IConnectionMultiplexer redis, TraderId traderId, RedisExecutionStoreOptions? options = null,
        ILogger<RedisExecutionStore>? logger = null, bool ownsConnection = false)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _ownsConnection = ownsConnection;
        _keys = new RedisKeys(traderId);
        _options = (options ?? new RedisExecutionStoreOptions()).Validate();
        _log = logger ?? (ILogger)NullLogger.Instance;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of waiting: the kernel is never blocked
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Connects to <paramref name="configuration"/> (e.g. "127.0.0.1:6379") with abortConnect=false; the store owns the connection.</summary>
    public static async Task<RedisExecutionStore> ConnectAsync(string configuration, TraderId traderId, RedisExecutionStoreOptions? options = null,
        ILogger<RedisExecutionStore>? logger = null)
    {
        ConfigurationOptions config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
        return new RedisExecutionStore(redis, traderId, options, logger, ownsConnection: true);
    }

    /// <summary>The key prefix, <c>halyard:{traderId}:</c>.</summary>
    public string KeyPrefix => _keys.Prefix;
    /// <summary>Records accepted into the queue.</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);
    /// <summary>Records written to Redis.</summary>
    public long Written => Interlocked.Read(ref _written);
    /// <summary>Batches that failed (each is retried until it succeeds).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);
    /// <summary>Records refused because the queue was full (lost; reconciliation then fills the gap).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    /// <summary>Records queued and not yet written.</summary>
    public long Pending => Enqueued - Written;

    public void RecordOrderEvent(IOrderEvent orderEvent, bool isWorking) =>
        Enqueue(new PendingWrite { Payload = orderEvent ?? throw new ArgumentNullException(nameof(orderEvent)), IsWorking = isWorking });

    public void RecordPosition(PositionSnapshot position) =>
        Enqueue(new PendingWrite { Payload = position ?? throw new ArgumentNullException(nameof(position)) });

    public void RecordAccount(AccountState state) =>
        Enqueue(new PendingWrite { Payload = state ?? throw new ArgumentNullException(nameof(state)) });

    public void RecordClientOrderIdCount(StrategyId strategyId, int count) =>
        Enqueue(new PendingWrite { Payload = strategyId, StrategyId = strategyId, Count = count });

    private void Enqueue(PendingWrite write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            Interlocked.Increment(ref _enqueued);
            return;
        }
        long dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
            _log.LogError("Redis state queue full ({Capacity}, {Field}): {Dropped} records dropped so far", _options.QueueCapacity,
                nameof(RedisExecutionStoreOptions.QueueCapacity), dropped);
    }

    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        long target = Enqueued;
        while (Written < target)
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

    /// <summary>Writes what is queued (waiting up to 5 s), stops the writer and, when owned, closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            if (!await FlushAsync(flush.Token).ConfigureAwait(false) && Pending > 0)
                _log.LogWarning("Redis state store closed with {Pending} records not written", Pending);
        _queue.Writer.TryComplete();
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
        if (_ownsConnection) await _redis.DisposeAsync().ConfigureAwait(false);
    }
}
