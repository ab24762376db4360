namespace Halyard.Hyperliquid.Ws;

/// <summary>Settings of <see cref="HyperliquidWebSocket"/>; <see cref="Validate"/> names the field at fault.</summary>
public sealed record HyperliquidWebSocketOptions
{
    public Uri Url { get; init; } = HyperliquidEndpoints.Mainnet.WsUrl;
    /// <summary>How often to send <c>{"method":"ping"}</c>; the venue drops connections silent for 60 s.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>No frame at all for this long means the connection is dead.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Pings in a row without a pong before the connection is declared dead.</summary>
    public int MaxMissedPongs { get; init; } = 2;
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Default time to wait for a post answer.</summary>
    public TimeSpan PostTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Frames larger than this are dropped as garbage (the connection is recycled).</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Posts awaiting an answer at once (the venue allows 100 per IP); more wait for a slot.</summary>
    public int MaxInFlightPosts { get; init; } = 100;
    /// <summary>
    /// Budget for frames sent (the venue allows 2000 per minute per IP, all connections together): share one
    /// limiter between the connections of a process. Null gives this connection its own 2000-per-minute budget.
    /// </summary>
    public Rest.RestWeightLimiter? SendBudget { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public HyperliquidWebSocketOptions Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != "ws" && Url.Scheme != "wss"))
            throw new ArgumentException($"{nameof(Url)} must be an absolute ws(s) URL, got '{Url}'", nameof(Url));
        Positive(PingInterval, nameof(PingInterval));
        Positive(StaleAfter, nameof(StaleAfter));
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(PostTimeout, nameof(PostTimeout));
        if (PingInterval >= TimeSpan.FromSeconds(60)) throw new ArgumentOutOfRangeException(nameof(PingInterval), PingInterval, "must be under 60 s (the venue's idle timeout)");
        if (MaxMissedPongs < 1) throw new ArgumentOutOfRangeException(nameof(MaxMissedPongs), MaxMissedPongs, "must be at least 1");
        if (ReconnectInitialDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReconnectInitialDelay), ReconnectInitialDelay, "must not be negative");
        if (ReconnectMaxDelay < ReconnectInitialDelay) throw new ArgumentOutOfRangeException(nameof(ReconnectMaxDelay), ReconnectMaxDelay, $"must be at least {nameof(ReconnectInitialDelay)}");
        if (MaxInFlightPosts < 1) throw new ArgumentOutOfRangeException(nameof(MaxInFlightPosts), MaxInFlightPosts, "must be at least 1");
        if (MaxMessageBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, "must be at least 1024");
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "must be positive");
    }
}
