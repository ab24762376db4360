using Halyard.Core.Cache;
using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Indicators;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Risk;

/// <summary>
/// The kernel's risk component, shared by every strategy:
/// <list type="bullet">
/// <item>protection: a reduce-only STOP_MARKET (and optional take-profit) on every position of a registered
/// strategy, resized when the position changes, canceled when it closes, replaced when the venue cancels or
/// rejects it, and a <see cref="PositionUnprotected"/> alert when a position stays unprotected too long;</item>
/// <item>limits: plugged into the <see cref="RiskEngine"/> as an <see cref="IPreTradeCheck"/>, so a breaching
/// order is denied before it leaves the node (orders that reduce exposure always pass);</item>
/// <item>kill switch: daily loss and drawdown from account equity move trading to REDUCING or HALTED; HALTED
/// cancels every working order but the protective ones and may flatten; the state survives a restart through
/// an <see cref="IRiskStateStore"/>.</item>
/// </list>
/// Runs on the kernel thread like everything else in the kernel.
/// </summary>
public sealed partial class RiskManager : IPreTradeCheck
{
    /// <summary>Where <see cref="PositionUnprotected"/> alerts are published.</summary>
    public const string UnprotectedTopic = "events.risk.unprotected";
    private const string EquityTimerName = "RiskManager.equity";

    private readonly RiskEngine _risk;
    private readonly MessageBus _bus;
    private readonly ICache _cache;
    private readonly IClock _clock;
    private readonly ILogger _log;
    private readonly Func<Guid> _newId;
    private readonly IRiskStateStore _store;
    private readonly Dictionary<StrategyId, OrderFactory> _factories = [];
    private readonly Dictionary<PositionId, ProtectedPosition> _positions = [];
    private readonly Dictionary<ClientOrderId, ProtectedPosition> _byOrder = [];
    private readonly Dictionary<BarType, AverageTrueRange> _atrs = [];
    private readonly Action<IOrderEvent> _onOrderEvent;
    private readonly Action<IPositionEvent> _onPositionEvent;
    private readonly Action<Bar> _onBar;
    private readonly TokenBucket? _orderRate;

    public RiskManager(RiskManagerConfig config, RiskEngine risk, MessageBus bus, ICache cache, IClock clock,
        ILoggerFactory? loggerFactory = null, Func<Guid>? newId = null, IRiskStateStore? store = null)
    {
        Config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        _risk = risk ?? throw new ArgumentNullException(nameof(risk));
        _bus = bus;
        _cache = cache;
        _clock = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RiskManager>();
        _newId = newId ?? Guid.NewGuid;
        _store = store ?? new InMemoryRiskStateStore();
        _onOrderEvent = OnOrderEvent;
        _onPositionEvent = OnPositionEvent;
        _onBar = OnBar;
        if (config.MaxOrderRate is int rate) _orderRate = new TokenBucket(rate, config.OrderRateInterval.Ticks * 100, clock.UtcNowNs);
        risk.AddCheck(this);
        bus.Subscribe<TradingStateChanged>(RiskEngine.TradingStateTopic, OnTradingStateChanged);
    }

    public RiskManagerConfig Config { get; }
    public TradingState TradingState => _risk.TradingState;
    public bool IsRunning { get; private set; }
    /// <summary>Alerts raised so far.</summary>
    public long UnprotectedAlertCount { get; private set; }
    /// <summary>Orders this manager's limits denied so far.</summary>
    public long DeniedCount { get; private set; }

    /// <summary>Puts a strategy's positions under protection; <paramref name="orders"/> must be the strategy's own factory so ids never collide.</summary>
    public void Register(StrategyId strategyId, OrderFactory orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.StrategyId != strategyId) throw new ArgumentException($"the order factory is for {orders.StrategyId}, not {strategyId}", nameof(orders));
        if (!_factories.TryAdd(strategyId, orders)) throw new InvalidOperationException($"strategy {strategyId} is already registered with the risk manager");
        _bus.Subscribe(TopicNames.OrderEvents(strategyId.Value), _onOrderEvent);
        _bus.Subscribe(TopicNames.PositionEvents(strategyId.Value), _onPositionEvent);
        if (IsRunning) ProtectOpenPositions(strategyId);
    }

    /// <summary>Registers a strategy added to the kernel (its factory is taken from it).</summary>
    public void Register(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Register(strategy.Id, strategy.OrdersForRisk);
    }

    /// <summary>
    /// Starts (kernel thread, after reconciliation): restores the saved trading state, starts the equity checks,
    /// subscribes the ATR bars and protects the positions already open.
    /// </summary>
    public void Start()
    {
        if (IsRunning) return;
        IsRunning = true;
        RestoreState();
        if (Strictness(Config.ManualState) > Strictness(TradingState))
            _risk.SetTradingState(Config.ManualState, $"{nameof(RiskManagerConfig.ManualState)} {Config.ManualState.ToString().ToUpperInvariant()} in the config");
        _clock.CancelTimer(EquityTimerName);
        _clock.SetTimer(EquityTimerName, Config.EquityCheckInterval.Ticks * 100, null, null, _ => CheckLosses());
        foreach (Instrument instrument in _cache.Instruments()) EnsureAtr(instrument.Id);
        foreach (StrategyId strategyId in _factories.Keys) ProtectOpenPositions(strategyId);
        CheckLosses();
    }

    /// <summary>Stops the equity checks; protective orders stay at the venue.</summary>
    public void Stop()
    {
        if (!IsRunning) return;
        IsRunning = false;
        _clock.CancelTimer(EquityTimerName);
    }

    /// <summary>How a position is protected now; null when the manager does not know it.</summary>
    public PositionProtection? ProtectionOf(PositionId positionId)
    {
        if (!_positions.TryGetValue(positionId, out ProtectedPosition? p)) return null;
        Position? position = _cache.Position(positionId);
        bool isProtected = position is null || position.IsClosed || IsProtected(p, position);
        return new PositionProtection(positionId, p.Stop.Order, p.TakeProfit.Order, isProtected, p.UnprotectedSinceNs, p.LastProblem);
    }

    /// <summary>The ATR used for distances of <paramref name="barType"/>, when it is ready.</summary>
    public decimal? Atr(BarType barType) => _atrs.TryGetValue(barType, out AverageTrueRange? atr) && atr.IsReady ? atr.Value : null;

    private void OnOrderEvent(IOrderEvent e)
    {
        if (!_byOrder.TryGetValue(e.ClientOrderId, out ProtectedPosition? p)) return;
        if (p.Flatten?.ClientOrderId == e.ClientOrderId)
        {
            if (p.Flatten.IsClosed) p.Flatten = null;
            Reconcile(p);
            return;
        }
        ProtectiveLeg? leg = p.LegOf(e.ClientOrderId);
        if (leg is not null) OnLegEvent(p, leg, e);
        else if (_cache.Order(e.ClientOrderId) is { IsClosed: true })
        {
            p.Retiring.Remove(e.ClientOrderId);
            _byOrder.Remove(e.ClientOrderId);
        }
        Reconcile(p);
    }

    private void OnLegEvent(ProtectedPosition p, ProtectiveLeg leg, IOrderEvent e)
    {
        long now = _clock.UtcNowNs;
        switch (e)
        {
            case OrderDenied d:
                RetryLater(p, leg, now, $"{leg.Kind} denied: {d.Reason}");
                break;
            case OrderRejected r:
                RetryLater(p, leg, now, $"{leg.Kind} rejected by the venue: {r.Reason}");
                break;
            case OrderModifyRejected m:
                leg.MustReplace = true;
                p.LastProblem = $"{leg.Kind} modify rejected: {m.Reason}";
                _log.LogWarning("Modify of {Leg} {ClientOrderId} for {PositionId} rejected ({Reason}); replacing it", leg.Kind, e.ClientOrderId, p.PositionId, m.Reason);
                break;
            case OrderCanceled or OrderExpired:
                p.LastProblem = $"{leg.Kind} {e.ClientOrderId} was {(e is OrderCanceled ? "canceled" : "expired")} by the venue";
                _log.LogWarning("{Leg} {ClientOrderId} of {PositionId} was {What} by the venue; replacing it", leg.Kind, e.ClientOrderId, p.PositionId,
                    e is OrderCanceled ? "canceled" : "expired");
                break;
        }
    }

    private void RetryLater(ProtectedPosition p, ProtectiveLeg leg, long now, string problem)
    {
        p.LastProblem = problem;
        leg.RetryAtNs = now + Config.RetryDelay.Ticks * 100;
        _log.LogWarning("{Problem} (position {PositionId}); trying again at {RetryAtNs}", problem, p.PositionId, leg.RetryAtNs);
        _clock.CancelTimer(leg.RetryTimerName);
        _clock.SetTimeAlert(leg.RetryTimerName, leg.RetryAtNs, _ => Reconcile(p));
    }

    private void OnPositionEvent(IPositionEvent e)
    {
        PositionSnapshot s = e.Position;
        if (!_positions.TryGetValue(s.PositionId, out ProtectedPosition? p))
        {
            if (s.Side == PositionSide.Flat) return;
            EnsureAtr(s.InstrumentId);
            _positions[s.PositionId] = p = new ProtectedPosition(s.PositionId, s.StrategyId, s.InstrumentId);
        }
        Reconcile(p);
        CancelOrdersNoLongerReducing(s.InstrumentId);
        CheckLosses();
    }

    private void ProtectOpenPositions(StrategyId strategyId)
    {
        foreach (Position position in _cache.PositionsOpen(strategyId: strategyId))
        {
            if (!_positions.TryGetValue(position.Id, out ProtectedPosition? p))
            {
                EnsureAtr(position.InstrumentId);
                _positions[position.Id] = p = new ProtectedPosition(position.Id, strategyId, position.InstrumentId);
            }
            Reconcile(p);
        }
    }

    private void EnsureAtr(InstrumentId instrumentId)
    {
        foreach (ProtectiveDistance? distance in (ReadOnlySpan<ProtectiveDistance?>)[Config.StopLoss, Config.TakeProfit?.Distance])
        {
            if (distance is not { Kind: StopDistanceKind.AtrMultiple, AtrBars: BarSpecification spec }) continue;
            var barType = new BarType(instrumentId, spec);
            if (_atrs.ContainsKey(barType)) continue;
            _atrs[barType] = new AverageTrueRange(distance.AtrPeriod);
            _bus.Subscribe(TopicNames.Bars(barType), _onBar);
            _bus.Send(DataEngine.Endpoint, SubscribeData.Bars(barType));
        }
    }

    private void OnBar(Bar bar)
    {
        if (_atrs.TryGetValue(bar.BarType, out AverageTrueRange? atr)) atr.Update(bar);
    }

    private void Send(TradingCommand command) => _bus.Send(RiskEngine.Endpoint, command);

    /// <summary>ACTIVE &lt; REDUCING &lt; HALTED.</summary>
    private static int Strictness(TradingState state) => state switch
    {
        TradingState.Halted => 2,
        TradingState.Reducing => 1,
        _ => 0,
    };
}
