using Halyard.Core.Cache;
using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Strategies;

/// <summary>
/// Base class of trading strategies. Override the <c>On…</c> callbacks you need; they all run on the
/// kernel thread, one at a time, so a strategy needs no locks. The same class runs unchanged live,
/// against the simulator and in a backtest: it only sees the kernel's clock, cache and bus.
/// </summary>
public abstract partial class Strategy
{
    private KernelServices? _kernel;
    private OrderFactory? _orderFactory;
    private readonly Action<QuoteTick> _onQuote;
    private readonly Action<TradeTick> _onTrade;
    private readonly Action<OrderBook> _onBook;
    private readonly Action<OrderBookDeltas> _onBookDeltas;
    private readonly Action<Bar> _onBar;
    private readonly Action<MarkPriceUpdate> _onMarkPrice;
    private readonly Action<FundingRateUpdate> _onFundingRate;
    private readonly Action<IOrderEvent> _onOrderEvent;
    private readonly Action<IPositionEvent> _onPositionEvent;

    protected Strategy(StrategyId id)
    {
        Id = id;
        // Handlers bound once, so subscribing allocates nothing per message.
        _onQuote = OnQuote;
        _onTrade = OnTrade;
        _onBook = OnBook;
        _onBookDeltas = OnBookDeltas;
        _onBar = OnBar;
        _onMarkPrice = OnMarkPrice;
        _onFundingRate = OnFundingRate;
        _onOrderEvent = DispatchOrderEvent;
        _onPositionEvent = DispatchPositionEvent;
    }

    protected Strategy(string id) : this(new StrategyId(id)) { }

    public StrategyId Id { get; }
    public TraderId TraderId => Kernel.TraderId;
    public bool IsRegistered => _kernel is not null;
    public bool IsRunning { get; private set; }

    /// <summary>The kernel's clock: the only source of "now" a strategy should use.</summary>
    protected IClock Clock => Kernel.Clock;
    protected ICache Cache => Kernel.Cache;
    /// <summary>The limits and protection of the kernel's risk manager (to size orders within them).</summary>
    protected Risk.RiskManagerConfig RiskConfig => Kernel.Risk ?? DefaultRiskConfig;
    protected ILogger Log { get; private set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    /// <summary>Makes this strategy's orders (ids, timestamps); submit them with <see cref="SubmitOrder"/>.</summary>
    protected OrderFactory OrderFactory => _orderFactory ?? throw NotRegistered();

    private KernelServices Kernel => _kernel ?? throw NotRegistered();
    private static readonly Risk.RiskManagerConfig DefaultRiskConfig = new();

    /// <summary>This strategy's factory, for the kernel's risk manager to place protective orders without id clashes.</summary>
    internal OrderFactory OrdersForRisk => OrderFactory;

    private InvalidOperationException NotRegistered() =>
        new($"strategy {Id} is not registered with a kernel yet (add it to a TradingNode or TradingKernel first)");

    /// <summary>Called by the kernel when the strategy is added.</summary>
    internal void Register(KernelServices kernel)
    {
        if (_kernel is not null) throw new InvalidOperationException($"strategy {Id} is already registered");
        _kernel = kernel;
        Log = kernel.LoggerFactory.CreateLogger(GetType().FullName ?? GetType().Name);
        _orderFactory = new OrderFactory(kernel.TraderId, Id, () => kernel.Clock.UtcNowNs, newEventId: kernel.NewId);
        kernel.Bus.Subscribe(TopicNames.OrderEvents(Id.Value), _onOrderEvent);
        kernel.Bus.Subscribe(TopicNames.PositionEvents(Id.Value), _onPositionEvent);
    }

    /// <summary>Starts the strategy (kernel thread): runs <see cref="OnStart"/>.</summary>
    public void Start()
    {
        if (IsRunning) return;
        _ = Kernel;
        IsRunning = true;
        Log.LogInformation("Strategy {StrategyId} starting", Id);
        OnStart();
    }

    /// <summary>Stops the strategy (kernel thread): runs <see cref="OnStop"/> and drops its data subscriptions.</summary>
    public void Stop()
    {
        if (!IsRunning) return;
        IsRunning = false;
        Log.LogInformation("Strategy {StrategyId} stopping", Id);
        OnStop();
        UnsubscribeAll();
    }

    // ── lifecycle and data callbacks ────────────────────────────
    protected virtual void OnStart() { }
    protected virtual void OnStop() { }
    protected virtual void OnQuote(QuoteTick quote) { }
    protected virtual void OnTrade(TradeTick trade) { }
    /// <summary>The maintained book after each venue update (<see cref="SubscribeBook"/>); read it, do not keep references to levels.</summary>
    protected virtual void OnBook(OrderBook book) { }
    /// <summary>The raw deltas of each venue update (<see cref="SubscribeBookDeltas"/>); the list may be reused after the call.</summary>
    protected virtual void OnBookDeltas(OrderBookDeltas deltas) { }
    protected virtual void OnBar(Bar bar) { }
    protected virtual void OnMarkPrice(MarkPriceUpdate markPrice) { }
    protected virtual void OnFundingRate(FundingRateUpdate fundingRate) { }

    public override string ToString() => $"{GetType().Name}({Id})";
}
