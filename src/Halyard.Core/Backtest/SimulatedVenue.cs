using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Matching;
using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>
/// The backtest's exchange: an <see cref="IExecutionClient"/> and <see cref="IDataClient"/> on the
/// <see cref="MatchingEngine"/>. The strategy's orders live in the engine; the recorded market is
/// brought in as a second account ("market") only while an order arrives (its top of book becomes
/// resting liquidity, then is removed), and as marketable IOCs when the recorded market trades through
/// or crosses a resting order. So tick/lot validation, rejection texts, post-only, reduce-only clamps,
/// trigger orders, margin and fees are exactly the matching engine's. Everything it does reaches the
/// kernel as order events through the inbox, like a live client.
/// </summary>
public sealed partial class SimulatedVenue : IExecutionClient, IDataClient, IMatchingEventSink
{
    internal const string AccountName = "backtest";
    private const string MarketAccount = "market";
    private const int LiquidityDepth = 20;

    private readonly MatchingEngine _engine;
    private readonly KernelInbox _inbox;
    private readonly IClock _clock;
    private readonly Func<Guid> _newId;
    private readonly TraderId _traderId;
    private readonly LatencyModel _latency;
    private readonly decimal _slippage;
    private readonly Action<long, Action> _schedule;
    private readonly Dictionary<InstrumentId, CoinState> _byId = [];
    private readonly Dictionary<string, CoinState> _byCoin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VenueOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<long> _liquidityOids = [];
    private readonly List<BacktestFill> _fills = [];
    private InstrumentId? _lastId;
    private CoinState? _lastCoin;
    private bool _fillsSinceAccountState;

    /// <param name="schedule">Runs an action at a later data time (the backtest's latency queue).</param>
    public SimulatedVenue(IReadOnlyList<CryptoPerpetual> instruments, decimal startingBalance, FeeModel fees, LatencyModel latency,
        decimal marketSlippage, KernelInbox inbox, IClock clock, Func<Guid> newId, TraderId traderId, Action<long, Action> schedule)
    {
        _inbox = inbox;
        _clock = clock;
        _newId = newId;
        _traderId = traderId;
        _latency = latency;
        _slippage = marketSlippage;
        _schedule = schedule;
        StartingBalance = startingBalance;
        Venue = instruments[0].Id.Venue;
        AccountId = AccountId.For(Venue, "BACKTEST");
        _engine = new MatchingEngine(this);
        foreach (CryptoPerpetual instrument in instruments)
        {
            // Minimum value is checked here (same text) so the market's own small levels are not refused.
            _engine.AddInstrument(instrument with
            {
                MinNotional = 0m,
                MakerFee = fees.MakerFee ?? instrument.MakerFee,
                TakerFee = fees.TakerFee ?? instrument.TakerFee,
            });
            var coin = new CoinState(instrument);
            _byId.Add(instrument.Id, coin);
            _byCoin.Add(coin.Coin, coin);
        }
        _engine.Ledger.Deposit(AccountName, startingBalance);
        _engine.Ledger.Deposit(MarketAccount, 1_000_000_000m); // the market never runs out of margin (and stays inside decimal wads)
    }

    public string ClientId => $"{Venue}-BACKTEST";
    public Venue Venue { get; }
    public AccountId AccountId { get; }
    public bool IsConnected { get; private set; }
    public decimal StartingBalance { get; }

    /// <summary>The engine behind the venue (ledger, books) for results and tests.</summary>
    public MatchingEngine Engine => _engine;

    /// <summary>Every fill of the strategy account, in order.</summary>
    public IReadOnlyList<BacktestFill> Fills => _fills;

    /// <summary>Cash plus unrealized PnL at the current marks.</summary>
    public decimal AccountValue
    {
        get
        {
            SyncMarks();
            return _engine.Ledger.AccountValue(AccountName);
        }
    }

    public MarginAccountSnapshot AccountSnapshot()
    {
        SyncMarks();
        return _engine.Ledger.Snapshot(AccountName);
    }

    public Task ConnectAsync(CancellationToken ct)
    {
        IsConnected = true;
        foreach (CoinState coin in _byId.Values) _inbox.Post(coin.Instrument);
        PostAccountState();
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(CancellationToken ct)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }

    public void Submit(SubmitOrder command) => AtVenue(() => Place(command.Order));

    public void SubmitList(SubmitOrderList command) => AtVenue(() =>
    {
        foreach (Order order in command.Orders) Place(order);
    });

    public void Cancel(CancelOrder command) => AtVenue(() => CancelNow(command));

    public void CancelAll(CancelAllOrders command) => AtVenue(() =>
    {
        foreach (CancelOrder cancel in command.Cancels) CancelNow(cancel);
    });

    public void BatchCancel(BatchCancelOrders command) => AtVenue(() =>
    {
        foreach (CancelOrder cancel in command.Cancels) CancelNow(cancel);
    });

    public void Modify(ModifyOrder command) => AtVenue(() => ModifyNow(command));

    /// <summary>Nothing to answer: every change of an order already reached the kernel as an event, in order.</summary>
    public void Query(QueryOrder command) { }

    public Task<ExecutionMassStatus> GenerateMassStatusAsync(long? sinceNs, CancellationToken ct) =>
        Task.FromResult(new ExecutionMassStatus(ClientId, AccountId, Venue, [], [], [], Now));

    private long Now => _clock.UtcNowNs;

    /// <summary>Runs a command at the venue after the order→venue latency.</summary>
    private void AtVenue(Action action)
    {
        if (_latency.OrderToVenueNs == 0) action();
        else _schedule(Now + _latency.OrderToVenueNs, action);
    }

    /// <summary>Hands an event to the kernel after the venue→strategy latency.</summary>
    private void Emit(object message)
    {
        if (_latency.VenueToStrategyNs == 0) _inbox.Post(message);
        else _schedule(Now + _latency.VenueToStrategyNs, () => _inbox.Post(message));
    }

    private void PostAccountState()
    {
        Currency usdc = Currency.Usdc;
        MarginAccountSnapshot s = _engine.Ledger.Snapshot(AccountName);
        decimal total = Math.Round(s.AccountValue, usdc.Precision, MidpointRounding.ToEven);
        decimal locked = Math.Min(total, Math.Max(0m, Math.Round(s.TotalMarginUsed, usdc.Precision, MidpointRounding.ToEven)));
        Emit(new AccountState(AccountId, AccountType.Margin, usdc,
            [AccountBalance.FromTotal(new Money(total, usdc), new Money(locked, usdc))], [], IsReported: true, _newId(), Now, Now));
    }

    /// <summary>Posts the account's state once after a batch of fills or funding.</summary>
    private void FlushAccountState()
    {
        if (!_fillsSinceAccountState) return;
        _fillsSinceAccountState = false;
        foreach (CoinState coin in _byId.Values) coin.HasPosition = _engine.Ledger.PositionSziRaw(AccountName, coin.Coin) != 0;
        PostAccountState();
    }

    private bool TryCoin(in InstrumentId id, out CoinState coin)
    {
        if (_lastCoin is not null && _lastId == id)
        {
            coin = _lastCoin;
            return true;
        }
        if (!_byId.TryGetValue(id, out coin!)) return false;
        _lastId = id;
        _lastCoin = coin;
        return true;
    }

    // The data path: subscriptions need no action, the backtest node replays everything it selected.
    public void SubscribeQuotes(InstrumentId instrumentId) { }
    public void UnsubscribeQuotes(InstrumentId instrumentId) { }
    public void SubscribeTrades(InstrumentId instrumentId) { }
    public void UnsubscribeTrades(InstrumentId instrumentId) { }
    public void SubscribeBookDeltas(InstrumentId instrumentId) { }
    public void UnsubscribeBookDeltas(InstrumentId instrumentId) { }
    public void SubscribeBars(BarType barType) { }
    public void UnsubscribeBars(BarType barType) { }
    public void SubscribeMarkPrices(InstrumentId instrumentId) { }
    public void UnsubscribeMarkPrices(InstrumentId instrumentId) { }
    public void SubscribeFundingRates(InstrumentId instrumentId) { }
    public void UnsubscribeFundingRates(InstrumentId instrumentId) { }
}
