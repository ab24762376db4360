using Halyard.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Halyard.Persistence.Redis;

/// <summary>
/// Both Redis stores of one trader on one connection, for a composition root:
/// <c>new TradingNode(config, loggers, riskStateStore: stores.Risk, executionStateStore: stores.Execution)</c>.
/// Disposing flushes both and closes the connection.
/// </summary>
public sealed class RedisStateStores : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private RedisStateStores(ConnectionMultiplexer redis, RedisExecutionStore execution, RedisRiskStateStore risk)
    {
        _redis = redis;
        Execution = execution;
        Risk = risk;
    }

    public RedisExecutionStore Execution { get; }
    public RedisRiskStateStore Risk { get; }

    /// <summary>Connects with abortConnect=false (the node starts even while Redis is still coming up; writes wait in the queue).</summary>
    /// <param name="configuration">StackExchange.Redis connection string, e.g. "127.0.0.1:6379".</param>
    public static async Task<RedisStateStores> ConnectAsync(string configuration, TraderId traderId, ILoggerFactory? loggerFactory = null,
        RedisExecutionStoreOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(configuration)) throw new ArgumentException("the Redis connection string is required", nameof(configuration));
        loggerFactory ??= NullLoggerFactory.Instance;
        ConfigurationOptions config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
        return new RedisStateStores(redis,
            new RedisExecutionStore(redis, traderId, options, loggerFactory.CreateLogger<RedisExecutionStore>()),
            new RedisRiskStateStore(redis, traderId, loggerFactory.CreateLogger<RedisRiskStateStore>()));
    }

    public async ValueTask DisposeAsync()
    {
        await Execution.DisposeAsync().ConfigureAwait(false);
        await Risk.DisposeAsync().ConfigureAwait(false);
        await _redis.DisposeAsync().ConfigureAwait(false);
    }
}
