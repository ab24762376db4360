using Halyard.Core.Model;
using Halyard.Core.Risk;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Strategies;

/// <summary>
/// Base class of strategies that trade perpetuals: resolves the configured instruments at start, subscribes their
/// quotes, and sizes orders within the limits (the config's own caps, the kernel risk manager's limits and the
/// leverage on account equity), rounded down to the lot size. Protection is the kernel's
/// <see cref="RiskManager"/>'s job: it places and maintains the stop of every position this strategy opens.
/// Venue-neutral, so the same subclass runs live, against the simulator and in a backtest.
/// </summary>
public abstract class PerpStrategy : Strategy
{
    private readonly Dictionary<InstrumentId, CryptoPerpetual> _perpetuals = [];

    protected PerpStrategy(PerpStrategyConfig config) : base(Validated(config).StrategyId)
    {
        Config = config;
    }

    private static PerpStrategyConfig Validated(PerpStrategyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        return config;
    }

    public PerpStrategyConfig Config { get; }
    /// <summary>The traded instruments, resolved from the cache at start.</summary>
    protected IReadOnlyCollection<CryptoPerpetual> Perpetuals => _perpetuals.Values;
    /// <summary>Orders this strategy submitted (the risk manager's protective orders not counted).</summary>
    public int OrdersSubmitted { get; private set; }

    protected sealed override void OnStart()
    {
        _perpetuals.Clear();
        foreach (InstrumentId id in Config.Instruments)
        {
            CryptoPerpetual perpetual = Cache.Instrument(id) as CryptoPerpetual
                ?? throw new InvalidOperationException($"{Id}: instrument {id} is not a perpetual in the cache (load instruments before starting strategies)");
            if (Config.Leverage > perpetual.MaxLeverage)
                throw new InvalidOperationException($"{Id}: Leverage {Config.Leverage} is above {id}'s maximum of {perpetual.MaxLeverage}");
            _perpetuals[id] = perpetual;
        }
        if (RiskConfig.StopLoss is null)
            Log.LogWarning("{StrategyId}: the risk manager has no StopLoss configured, so its positions will have no protective stop", Id);
        foreach (InstrumentId id in Config.Instruments) SubscribeQuotes(id);
        OnStarted();
    }

    /// <summary>After the instruments are resolved and their quotes subscribed.</summary>
    protected virtual void OnStarted() { }

    /// <summary>This strategy's signed position in <paramref name="instrumentId"/> (positive long, negative short).</summary>
    protected decimal PositionOf(InstrumentId instrumentId)
    {
        decimal net = 0;
        foreach (Position position in Cache.PositionsOpen(instrumentId, Id)) net += position.SignedQty;
        return net;
    }

    /// <summary>True while one of this strategy's own orders (not a protective one) is working or awaiting the venue.</summary>
    protected bool HasPendingOrders(InstrumentId instrumentId)
    {
        foreach (Order order in Cache.OrdersOpen(instrumentId, Id)) if (!RiskTags.IsRiskOrder(order)) return true;
        foreach (Order order in Cache.OrdersInflight(instrumentId, Id)) if (!RiskTags.IsRiskOrder(order)) return true;
        return false;
    }

    /// <summary>The price an order of <paramref name="side"/> would trade at now (ask for buys, bid for sells), else the cache's price.</summary>
    protected decimal? PriceFor(InstrumentId instrumentId, OrderSide side)
    {
        if (Cache.TryGetQuote(instrumentId, out QuoteTick quote)) return (side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice).ToDecimal();
        return Cache.Price(instrumentId, side)?.ToDecimal();
    }

    /// <summary>
    /// The largest absolute position of this strategy on one side of <paramref name="instrumentId"/> at
    /// <paramref name="price"/> that keeps every limit: the config's MaxPositionSize/Notional and Leverage, the risk
    /// manager's MaxPositionSize/Notional, MaxTotalExposure and MaxLeverage (other strategies' position in the
    /// instrument and the exposure elsewhere counted). Zero when the account equity is unknown.
    /// </summary>
    protected Quantity MaxPosition(InstrumentId instrumentId, int direction, decimal price)
    {
        CryptoPerpetual perpetual = Perpetual(instrumentId);
        if (direction == 0 || price <= 0) return Quantity.Zero(perpetual.SizePrecision);
        decimal sign = Math.Sign(direction);
        decimal others = sign * (Cache.NetPosition(instrumentId) - PositionOf(instrumentId)); // others on our side use our room
        decimal cap = decimal.MaxValue;
        foreach (decimal? size in (ReadOnlySpan<decimal?>)[Config.MaxPositionSize, RiskConfig.MaxPositionSize])
            if (size is decimal s) cap = Math.Min(cap, s - others);
        foreach (decimal? notional in (ReadOnlySpan<decimal?>)[Config.MaxPositionNotional, RiskConfig.MaxPositionNotional])
            if (notional is decimal n) cap = Math.Min(cap, n / price - others);

        decimal elsewhere = ExposureElsewhere(instrumentId);
        if (RiskConfig.MaxTotalExposure is decimal maxExposure) cap = Math.Min(cap, (maxExposure - elsewhere) / price - others);
        if (AccountEquity.Of(Cache) is not decimal equity || equity <= 0)
        {
            Log.LogWarning("{StrategyId}: account equity is unknown or not positive, so no position can be sized in {InstrumentId}", Id, instrumentId);
            return Quantity.Zero(perpetual.SizePrecision);
        }
        decimal leverage = RiskConfig.MaxLeverage is decimal max ? Math.Min(max, Config.Leverage) : Config.Leverage;
        cap = Math.Min(cap, (leverage * equity - elsewhere) / price - others);
        return cap <= 0 ? Quantity.Zero(perpetual.SizePrecision) : perpetual.RoundSize(cap, RoundingDirection.Down);
    }

    /// <summary>One entry (the config's OrderQuantity, or OrderNotional at <paramref name="price"/>) rounded down to the lot size.</summary>
    protected Quantity EntrySize(InstrumentId instrumentId, decimal price)
    {
        CryptoPerpetual perpetual = Perpetual(instrumentId);
        decimal size = Config.OrderQuantity ?? (price > 0 ? Config.OrderNotional!.Value / price : 0);
        return perpetual.RoundSize(size, RoundingDirection.Down);
    }

    /// <summary>
    /// Sends one market order that moves this strategy's position in <paramref name="instrumentId"/> toward
    /// <paramref name="direction"/> × one entry (+1 long, −1 short, 0 flat), capped by <see cref="MaxPosition"/> and the
    /// risk manager's MaxOrderNotional (a flip too large for one order closes first; call again once it filled).
    /// Returns the order, or null when there is nothing to do or no room; <paramref name="reachesTarget"/> says
    /// whether the position will be at the target once the order fills.
    /// </summary>
    protected Order? MoveToward(InstrumentId instrumentId, int direction, out bool reachesTarget)
    {
        CryptoPerpetual perpetual = Perpetual(instrumentId);
        direction = Math.Sign(direction);
        decimal current = PositionOf(instrumentId);
        decimal target = 0;
        if (direction != 0 && PriceFor(instrumentId, direction > 0 ? OrderSide.Buy : OrderSide.Sell) is decimal entryPrice)
        {
            Quantity size = EntrySize(instrumentId, entryPrice);
            Quantity room = MaxPosition(instrumentId, direction, entryPrice);
            decimal allowed = Math.Min(size.ToDecimal(), room.ToDecimal());
            if (allowed * entryPrice >= perpetual.MinNotional) target = direction * allowed;
            else Log.LogInformation("{StrategyId}: no room to open in {InstrumentId} ({Allowed} allowed at {Price})", Id, instrumentId, allowed, entryPrice);
        }
        reachesTarget = true;
        decimal delta = target - current;
        if (delta == 0) return null;

        OrderSide side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
        bool reducesOnly = target == 0 || (Math.Sign(target) == Math.Sign(current) && Math.Abs(target) < Math.Abs(current));
        decimal quantity = Math.Abs(delta);
        if (!reducesOnly && RiskConfig.MaxOrderNotional is decimal maxOrder && PriceFor(instrumentId, side) is decimal px && quantity * px > maxOrder)
        {
            decimal closing = Math.Sign(current) == -Math.Sign(delta) ? Math.Abs(current) : 0;
            decimal fits = perpetual.RoundSize(maxOrder / px, RoundingDirection.Down).ToDecimal();
            if (closing > 0 && fits < quantity)
            {
                quantity = closing; // close now (always allowed), open on the next call
                reducesOnly = true;
                reachesTarget = false;
            }
            else if (fits < quantity)
            {
                quantity = fits;
                reachesTarget = false;
            }
            if (quantity <= 0) return null;
        }
        Order order = OrderFactory.Market(instrumentId, side, perpetual.MakeQuantity(quantity), reduceOnly: reducesOnly, slippagePct: Config.MarketSlippage);
        OrdersSubmitted++;
        SubmitOrder(order);
        return order;
    }

    /// <summary>
    /// Brings a position clearly larger than one entry (over 1.5 entries: a protective stop and a flip crossed at the
    /// venue, or the limits shrank) back to one entry; within that band it does nothing, so a notional entry does
    /// not churn as the price moves. Returns the order, or null.
    /// </summary>
    protected Order? TrimToEntry(InstrumentId instrumentId)
    {
        decimal current = PositionOf(instrumentId);
        if (current == 0) return null;
        int direction = Math.Sign(current);
        if (PriceFor(instrumentId, direction > 0 ? OrderSide.Buy : OrderSide.Sell) is not decimal price) return null;
        decimal entry = Math.Min(EntrySize(instrumentId, price).ToDecimal(), MaxPosition(instrumentId, direction, price).ToDecimal());
        if (Math.Abs(current) <= entry * 1.5m) return null;
        Log.LogWarning("{StrategyId}: position {Position} in {InstrumentId} is over one entry ({Entry}); trimming it", Id, current, instrumentId, entry);
        return MoveToward(instrumentId, direction, out _);
    }

    /// <summary>Value of the account's positions in the other instruments at the cache's price.</summary>
    private decimal ExposureElsewhere(InstrumentId instrumentId)
    {
        decimal exposure = 0;
        foreach (Position position in Cache.PositionsOpen())
            if (position.InstrumentId != instrumentId && Cache.Price(position.InstrumentId) is Price px)
                exposure += Math.Abs(position.SignedQty) * px.ToDecimal();
        return exposure;
    }

    protected CryptoPerpetual Perpetual(InstrumentId instrumentId) =>
        _perpetuals.TryGetValue(instrumentId, out CryptoPerpetual? perpetual) ? perpetual
        : throw new InvalidOperationException($"{Id} does not trade {instrumentId} (configured: {string.Join(", ", Config.Instruments)}) or has not started");
}
