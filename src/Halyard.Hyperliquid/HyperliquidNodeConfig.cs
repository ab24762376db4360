namespace Halyard.Hyperliquid;

/// <summary>A trading node on Hyperliquid: who trades, the two clients, and the optional Redis cache.</summary>
public sealed record HyperliquidNodeConfig
{
    public required string TraderId { get; init; }
    public required HyperliquidDataClientConfig Data { get; init; }
    public required HyperliquidExecClientConfig Exec { get; init; }
    public bool RedisEnabled { get; init; }
    /// <summary>StackExchange.Redis connection string; used when <see cref="RedisEnabled"/>.</summary>
    public string RedisConnection { get; init; } = "127.0.0.1:6379";

    public HyperliquidNodeConfig Validate()
    {
        if (string.IsNullOrWhiteSpace(TraderId) || !TraderId.Contains('-') || TraderId.StartsWith('-') || TraderId.EndsWith('-') || TraderId.Any(char.IsWhiteSpace))
            throw new HyperliquidConfigException(nameof(TraderId), TraderId, "must be NAME-TAG with no spaces, e.g. TRADER-001");
        if (Data is null) throw new HyperliquidConfigException(nameof(Data), null, "is required");
        if (Exec is null) throw new HyperliquidConfigException(nameof(Exec), null, "is required");
        Data.Validate();
        Exec.Validate();
        if (Data.Network != Exec.Network)
            throw new HyperliquidConfigException($"{nameof(Exec)}.{nameof(Exec.Network)}", Exec.Network, $"must match Data.Network ({Data.Network})");
        if (RedisEnabled && string.IsNullOrWhiteSpace(RedisConnection))
            throw new HyperliquidConfigException(nameof(RedisConnection), null, "must be set when RedisEnabled");
        return this;
    }
}
