namespace Halyard.Simulator;

/// <summary>How a simulator instance listens and how its market behaves. Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Largest balance one funding may credit (the engine keeps money exact only up to ~7.9e10).</summary>
    public const decimal MaxAccountUsdc = 1_000_000_000m;

    /// <summary>Longest generated history: a week of one-minute candles (more than the 5000 the exchange keeps).</summary>
    public static readonly TimeSpan MaxHistory = TimeSpan.FromDays(7);

    /// <summary>Address to bind; the control API is on by default only for a loopback address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read the bound URL from <see cref="SimulatorHost.Url"/>).</summary>
    public int Port { get; init; }

    /// <summary>Seed of the living market (fair-price walk, taker flow): the same seed gives the same market.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Mainnet signatures (phantom agent source "a", hyperliquidChain "Mainnet") instead of testnet's.</summary>
    public bool IsMainnet { get; init; }

    /// <summary>Accounts funded at start: lowercase or mixed-case address → USDC.</summary>
    public IReadOnlyDictionary<string, decimal> Genesis { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The perpetuals traded, in asset-id order.</summary>
    public IReadOnlyList<SimulatedCoin> Coins { get; init; } = SimulatedCoin.DefaultUniverse;

    /// <summary>Period of the market loop (quotes refresh, taker flow, pushes).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Start with the market loop paused (drive it with /sim/step); tests use this for determinism.</summary>
    public bool StartPaused { get; init; }

    /// <summary>Market-maker levels per side (the l2Book shows at most 20).</summary>
    public int MakerLevels { get; init; } = 20;

    /// <summary>Distance between the fair price and the best quote, in basis points.</summary>
    public decimal MakerHalfSpreadBps { get; init; } = 1m;

    /// <summary>Distance between two adjacent maker levels, in basis points.</summary>
    public decimal MakerLevelStepBps { get; init; } = 1m;

    /// <summary>Notional in USD the maker shows at each level.</summary>
    public decimal MakerLevelNotional { get; init; } = 50_000m;

    /// <summary>Probability per coin per tick that the built-in taker sends a market order.</summary>
    public double TakerProbability { get; init; } = 0.3;

    /// <summary>Largest built-in taker order, in USD notional.</summary>
    public decimal TakerMaxNotional { get; init; } = 5_000m;

    /// <summary>
    /// Candles and funding rates generated at start for this long before it (a seeded walk ending at each coin's
    /// initial price), so <c>candleSnapshot</c> and <c>fundingHistory</c> have history to page through; zero for none.
    /// </summary>
    public TimeSpan History { get; init; } = TimeSpan.Zero;

    /// <summary>Where the mark price comes from; triggers fire on it.</summary>
    public MarkPriceSource MarkPriceSource { get; init; } = MarkPriceSource.Fair;

    /// <summary>Simulated time between funding payments (the exchange: one hour).</summary>
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Maintenance margin as a fraction of notional; null = half the initial margin at max leverage.</summary>
    public decimal? MaintenanceMarginFraction { get; init; }

    /// <summary>A WebSocket the server has sent nothing on for this long is closed (the exchange: 60 s).</summary>
    public TimeSpan WebSocketIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Subscriptions one WebSocket may hold (the exchange: 1000).</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 1000;

    /// <summary>Distinct users one WebSocket may follow with user subscriptions (the exchange: 10).</summary>
    public int MaxUsersPerConnection { get; init; } = 10;

    /// <summary>Serve /sim/*; null = on when <see cref="Host"/> is a loopback address.</summary>
    public bool? EnableControlApi { get; init; }

    /// <summary>Open orders (resting plus waiting triggers) one account may have (the exchange: 1000).</summary>
    public int MaxOpenOrdersPerAccount { get; init; } = 1000;

    /// <summary>Largest number of orders (or cancels, modifies) in one action.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Whether the control API is served, after applying the loopback default.</summary>
    public bool ControlApiEnabled => EnableControlApi ?? IsLoopback(Host);

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "must be between 0 and 65535");
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("must not be empty", nameof(Host));
        if (Coins.Count == 0) throw new ArgumentException("at least one coin is needed", nameof(Coins));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var coin in Coins)
        {
            coin.Validate();
            if (!names.Add(coin.Name)) throw new ArgumentException($"coin {coin.Name} is listed twice", nameof(Coins));
        }
        foreach (var (address, usdc) in Genesis)
        {
            if (!AddressText.IsValid(address)) throw new ArgumentException($"genesis address '{address}' is not a 0x-prefixed 20-byte hex address", nameof(Genesis));
            if (usdc is < 0 or > MaxAccountUsdc) throw new ArgumentOutOfRangeException(nameof(Genesis), usdc, $"balance of {address} must be between 0 and {MaxAccountUsdc}");
        }
        if (TickInterval < TimeSpan.FromMilliseconds(10) || TickInterval > TimeSpan.FromMinutes(1))
            throw new ArgumentOutOfRangeException(nameof(TickInterval), TickInterval, "must be between 10 ms and 1 min");
        if (MakerLevels is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(MakerLevels), MakerLevels, "must be between 1 and 100");
        if (MakerHalfSpreadBps <= 0) throw new ArgumentOutOfRangeException(nameof(MakerHalfSpreadBps), MakerHalfSpreadBps, "must be positive");
        if (MakerLevelStepBps <= 0) throw new ArgumentOutOfRangeException(nameof(MakerLevelStepBps), MakerLevelStepBps, "must be positive");
        if (MakerLevelNotional < 20) throw new ArgumentOutOfRangeException(nameof(MakerLevelNotional), MakerLevelNotional, "must be at least 20");
        if (TakerProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(TakerProbability), TakerProbability, "must be between 0 and 1");
        if (TakerMaxNotional < 10) throw new ArgumentOutOfRangeException(nameof(TakerMaxNotional), TakerMaxNotional, "must be at least 10");
        if (FundingInterval < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(FundingInterval), FundingInterval, "must be at least 1 s");
        if (MaintenanceMarginFraction is < 0m or >= 1m)
            throw new ArgumentOutOfRangeException(nameof(MaintenanceMarginFraction), MaintenanceMarginFraction, "must be in [0, 1)");
        if (WebSocketIdleTimeout < TimeSpan.FromMilliseconds(100))
            throw new ArgumentOutOfRangeException(nameof(WebSocketIdleTimeout), WebSocketIdleTimeout, "must be at least 100 ms");
        if (History < TimeSpan.Zero || History > MaxHistory)
            throw new ArgumentOutOfRangeException(nameof(History), History, $"must be between 0 and {MaxHistory.TotalDays} days");
        if (!Enum.IsDefined(MarkPriceSource)) throw new ArgumentOutOfRangeException(nameof(MarkPriceSource), MarkPriceSource, "must be Fair, BookMid or LastTrade");
        if (MaxSubscriptionsPerConnection < 1) throw new ArgumentOutOfRangeException(nameof(MaxSubscriptionsPerConnection), MaxSubscriptionsPerConnection, "must be at least 1");
        if (MaxUsersPerConnection < 1) throw new ArgumentOutOfRangeException(nameof(MaxUsersPerConnection), MaxUsersPerConnection, "must be at least 1");
        if (MaxOpenOrdersPerAccount < 1) throw new ArgumentOutOfRangeException(nameof(MaxOpenOrdersPerAccount), MaxOpenOrdersPerAccount, "must be at least 1");
        if (MaxBatchSize is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "must be between 1 and 100000");
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
