using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Market;

namespace Halyard.Simulator.Venue;

/// <summary>
/// The exchange's state behind one lock: the matching engine and margin ledger (Core/Matching), who may trade
/// (funded accounts, their agents and sub-accounts), nonces, and the history the info API serves (fills, order
/// statuses, candles, funding). Every mutation runs under <see cref="Gate"/> and ends with <see cref="Flush"/>,
/// which pushes what happened to WebSocket subscribers in order.
/// </summary>
internal sealed partial class SimulatedExchange
{
    /// <summary>The built-in market maker quoting every coin.</summary>
    public const string MakerAccount = "0x00000000000000000000000000000000000000a1";

    /// <summary>The built-in taker sending random market orders.</summary>
    public const string TakerAccount = "0x00000000000000000000000000000000000000a2";

    private const int FillsKept = 10_000;
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly MarketPublisher _publisher;
    private readonly Dictionary<string, int> _assetIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _funded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agentMasters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subAccountMasters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UserFill>> _fills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UserFunding>> _userFundings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OrderRecord> _orders = [];
    private readonly Dictionary<(string User, string Cloid), long> _cloids = new();
    private readonly Dictionary<string, List<FundingRecord>> _fundingHistory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _scheduledCancels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Day, int Count)> _scheduleCancelUses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _volume = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _openInterest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _fundingRate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requestsUsed = new(StringComparer.Ordinal);
    private long _lastTimeMs;

    public SimulatedExchange(SimulatorOptions options, TimeProvider time, MarketPublisher publisher)
    {
        _options = options;
        _time = time;
        _publisher = publisher;
        Engine = new MatchingEngine(new EventSink(this), new MatchingOptions
        {
            MaintenanceMarginFraction = options.MaintenanceMarginFraction,
            MaxOpenOrdersPerAccount = options.MaxOpenOrdersPerAccount,
        });
        for (int i = 0; i < options.Coins.Count; i++)
        {
            var coin = options.Coins[i];
            Engine.AddInstrument(Instrument(coin));
            _assetIds[coin.Name] = i;
            _fundingRate[coin.Name] = 0.0000125m;
            _openInterest[coin.Name] = 0m;
            Engine.SetMarkPrice(coin.Name, RawOf(coin.InitialPx), NowNs());
        }
        Engine.Ledger.Deposit(MakerAccount, 10_000_000_000m); // deep enough to quote forever; money above ~7.9e10 would not fit a decimal wad
        Engine.Ledger.Deposit(TakerAccount, 10_000_000_000m);
        foreach (var (address, usdc) in options.Genesis) Fund(address, usdc);
    }

    /// <summary>Guards everything here; hold it for every call into the engine.</summary>
    public object Gate { get; } = new();

    public MatchingEngine Engine { get; }

    public NonceTracker Nonces { get; } = new();

    public CandleBook Candles { get; } = new();

    public SimulatorOptions Options => _options;

    public MarketPublisher Publisher => _publisher;

    public IReadOnlyList<SimulatedCoin> Coins => _options.Coins;

    public bool IsCoin(string coin) => _assetIds.ContainsKey(coin);

    public bool TryGetAssetId(string coin, out int assetId) => _assetIds.TryGetValue(coin, out assetId);

    /// <summary>The coin of a perp asset id, or null when there is none.</summary>
    public SimulatedCoin? CoinOf(long assetId) => assetId >= 0 && assetId < _options.Coins.Count ? _options.Coins[(int)assetId] : null;

    /// <summary>Wall-clock milliseconds, strictly increasing so every event has its own time order.</summary>
    public long NowMs()
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _lastTimeMs = Math.Max(now, _lastTimeMs);
    }

    public long NowNs() => NowMs() * 1_000_000;

    /// <summary>Credits an account, creating it; from then on it (and the agents it approves) may trade.</summary>
    public void Fund(string user, decimal usdc)
    {
        string account = AddressText.Normalize(user) ?? throw new ArgumentException($"user '{user}' is not an address", nameof(user));
        if (usdc < 0) throw new ArgumentOutOfRangeException(nameof(usdc), usdc, "must not be negative");
        lock (Gate)
        {
            Engine.Ledger.Deposit(account, usdc);
            _funded.Add(account);
        }
    }

    /// <summary>Makes <paramref name="subAccount"/> a sub-account of <paramref name="master"/> (vaultAddress target).</summary>
    public void RegisterSubAccount(string subAccount, string master)
    {
        lock (Gate) _subAccountMasters[subAccount] = master;
    }

    public bool IsFunded(string account) => _funded.Contains(account);

    /// <summary>The account a signer trades for: itself when funded, its master when it is an approved agent.</summary>
    public string? AccountOfSigner(string signer) =>
        _funded.Contains(signer) ? signer : _agentMasters.TryGetValue(signer, out var master) ? master : null;

    /// <summary>True when <paramref name="master"/> may act for <paramref name="vault"/> (itself or its sub-account).</summary>
    public bool MayActFor(string master, string vault) =>
        vault == master || (_subAccountMasters.TryGetValue(vault, out var owner) && owner == master && _funded.Contains(vault));

    /// <summary>Approves (or replaces) an agent; the replaced agent's nonces are forgotten.</summary>
    public void ApproveAgent(string master, string agent)
    {
        if (_agentMasters.TryGetValue(agent, out var previous) && previous != master) Nonces.Forget(agent);
        _agentMasters[agent] = master;
    }

    /// <summary>Counts a request against the account's address-based budget (userRateLimit).</summary>
    public void CountRequests(string account, int count) =>
        _requestsUsed[account] = _requestsUsed.GetValueOrDefault(account) + count;

    public int RequestsUsed(string account) => _requestsUsed.GetValueOrDefault(account);

    public decimal Volume(string account) => _volume.GetValueOrDefault(account);

    public decimal FundingRate(string coin) => _fundingRate.GetValueOrDefault(coin);

    public decimal OpenInterest(string coin) => _openInterest.GetValueOrDefault(coin);

    public static bool IsBuiltIn(string account) => account is MakerAccount or TakerAccount;

    public static long RawOf(decimal value) =>
        FixedPoint.TryFromDecimal(value, out long raw) ? raw : throw new ArgumentOutOfRangeException(nameof(value), value, "not representable");

    private static CryptoPerpetual Instrument(SimulatedCoin coin)
    {
        byte pxDecimals = (byte)(6 - coin.SzDecimals);
        byte szDecimals = (byte)coin.SzDecimals;
        return new CryptoPerpetual
        {
            Id = new InstrumentId($"{coin.Name}-USD-PERP", new Core.Model.Venue("HYPERLIQUID")),
            RawSymbol = coin.Name,
            BaseCurrency = new Currency(coin.Name, szDecimals),
            QuoteCurrency = Currency.Usd,
            SettlementCurrency = Currency.Usdc,
            PricePrecision = pxDecimals,
            SizePrecision = szDecimals,
            PriceIncrement = Price.FromRaw(FixedPoint.ScaleFactor / Pow10(pxDecimals), pxDecimals),
            SizeIncrement = Quantity.FromRaw(FixedPoint.ScaleFactor / Pow10(szDecimals), szDecimals),
            MaxSignificantFigures = 5,
            MakerFee = 0.00015m,
            TakerFee = 0.00045m,
            MinNotional = 10m,
            MaxLeverage = coin.MaxLeverage,
            MarginInit = 1m / coin.MaxLeverage,
        };
    }

    private static long Pow10(int n)
    {
        long value = 1;
        for (int i = 0; i < n; i++) value *= 10;
        return value;
    }
}
