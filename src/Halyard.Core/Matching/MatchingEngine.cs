using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// A venue-neutral matching engine for perpetuals with a cross-margin ledger: price-time priority
/// books per coin, GTC/IOC/ALO, reduce-only, trigger (TP/SL) orders fired by the mark price,
/// cancel/modify/cancel-all, fees, PnL, funding and liquidation.
/// <para>
/// Deterministic and single-threaded by design: no clock (every call takes the time), no I/O, no
/// locks. The same sequence of calls yields the same oids, trade ids and fills. The caller serialises
/// access. Everything that happens is reported, in order, to the <see cref="IMatchingEventSink"/>.
/// </para>
/// <para>
/// Self-trade prevention cancels the RESTING order (status <see cref="OrderUpdateStatus.SelfTradeCanceled"/>)
/// and lets the incoming order continue against the next one.
/// </para>
/// </summary>
public sealed partial class MatchingEngine
{
    private readonly IMatchingEventSink _sink;
    private readonly MatchingOptions _options;
    private readonly Dictionary<string, Market> _markets = new(StringComparer.Ordinal);
    private readonly List<Market> _marketList = [];
    private readonly Dictionary<long, RestingOrder> _ordersByOid = [];
    private readonly Stack<RestingOrder> _orderPool = new();
    private readonly Stack<PriceLevel> _levelPool = new();
    private long _nextOid;
    private long _nextTradeId;

    public MatchingEngine(IMatchingEventSink sink, MatchingOptions? options = null)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _options = options ?? new MatchingOptions();
        _options.Validate();
        _nextOid = _options.FirstOid;
        _nextTradeId = _options.FirstTradeId;
        Ledger = new MarginLedger(_markets, _options.DefaultLeverage, _options.SettlementDecimals);
    }

    /// <summary>Accounts, positions and margin; every fill of this engine is booked there.</summary>
    public MarginLedger Ledger { get; }

    public MatchingOptions Options => _options;

    /// <summary>Coins in registration order.</summary>
    public IEnumerable<string> Coins
    {
        get { foreach (Market m in _marketList) yield return m.Coin; }
    }

    /// <summary>Registers a market under its <see cref="Instrument.RawSymbol"/> (e.g. "BTC").</summary>
    public void AddInstrument(CryptoPerpetual instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_markets.ContainsKey(instrument.RawSymbol))
            throw new ArgumentException($"coin {instrument.RawSymbol} is already registered", nameof(instrument));
        if (instrument.MaxLeverage < 1)
            throw new ArgumentException($"instrument {instrument.Id}: MaxLeverage must be at least 1", nameof(instrument));
        decimal maintenance = _options.MaintenanceMarginFraction
            ?? (instrument.MarginMaint > 0 ? instrument.MarginMaint : Math.Round(1m / (2m * instrument.MaxLeverage), 9));
        var market = new Market(_marketList.Count, instrument, maintenance, _levelPool);
        _markets.Add(market.Coin, market);
        _marketList.Add(market);
    }

    public bool HasCoin(string coin) => _markets.ContainsKey(coin);

    public CryptoPerpetual GetInstrument(string coin) => MarketOf(coin).Instrument;

    /// <summary>The live book of a coin (read-only view).</summary>
    public MatchingBook GetBook(string coin) => MarketOf(coin).Book;

    /// <summary>The mark price last set for a coin (raw), or 0.</summary>
    public long GetMarkPxRaw(string coin) => MarketOf(coin).MarkPxRaw;

    /// <summary>The last traded price of a coin (raw), or 0.</summary>
    public long GetLastTradePxRaw(string coin) => MarketOf(coin).LastTradePxRaw;

    /// <summary>The state of a live order (resting or waiting for its trigger).</summary>
    public bool TryGetOrder(long oid, out OpenOrder order)
    {
        if (_ordersByOid.TryGetValue(oid, out RestingOrder? o)) { order = o.Snapshot(); return true; }
        order = default;
        return false;
    }

    public bool TryGetOrderByCloid(string account, string cloid, out OpenOrder order)
    {
        if (Ledger.TryGet(account, out MarginAccount state) && state.ByCloid is { } byCloid && byCloid.TryGetValue(cloid, out RestingOrder? o))
        {
            order = o.Snapshot();
            return true;
        }
        order = default;
        return false;
    }

    /// <summary>Appends the account's live orders, newest first.</summary>
    public void CopyOpenOrders(string account, List<OpenOrder> destination)
    {
        if (!Ledger.TryGet(account, out MarginAccount state)) return;
        for (RestingOrder? o = state.OrdersHead; o is not null; o = o.AccountNext) destination.Add(o.Snapshot());
    }

    /// <summary>Live orders of all accounts (resting plus waiting trigger orders).</summary>
    public int LiveOrderCount => _ordersByOid.Count;

    public int OpenOrderCount(string account) => Ledger.TryGet(account, out MarginAccount state) ? state.OpenOrderCount : 0;

    private Market MarketOf(string coin) =>
        _markets.TryGetValue(coin, out Market? market) ? market : throw new KeyNotFoundException($"unknown coin '{coin}'");

    private RestingOrder Rent() => _orderPool.Count > 0 ? _orderPool.Pop() : new RestingOrder();

    private void Release(RestingOrder order)
    {
        order.Clear();
        _orderPool.Push(order);
    }

    private void Emit(RestingOrder order, OrderUpdateStatus status, long tsNs)
    {
        var update = new OrderUpdate(order.Snapshot(), status, tsNs);
        _sink.OnOrderUpdate(in update);
    }
}
