namespace Halyard.Core.Model;

/// <summary>
/// Creates a strategy's orders: stamps the trader and strategy ids, a fresh client order id and the clock's
/// time. Throws <see cref="ArgumentException"/> naming the field when an order is not valid (a programming error).
/// </summary>
public sealed class OrderFactory
{
    private readonly Func<long> _clockNs;
    private readonly Func<Guid> _newEventId;

    /// <param name="clockNs">The kernel clock, ns since the Unix epoch.</param>
    /// <param name="idGenerator">Defaults to a <see cref="ClientOrderIdGenerator"/> on the same ids and clock.</param>
    /// <param name="newEventId">Defaults to <see cref="Guid.NewGuid"/>; pass a seeded source for reproducible ids.</param>
    public OrderFactory(TraderId traderId, StrategyId strategyId, Func<long> clockNs,
        ClientOrderIdGenerator? idGenerator = null, Func<Guid>? newEventId = null)
    {
        ArgumentNullException.ThrowIfNull(clockNs);
        TraderId = traderId;
        StrategyId = strategyId;
        _clockNs = clockNs;
        IdGenerator = idGenerator ?? new ClientOrderIdGenerator(traderId, strategyId, clockNs);
        _newEventId = newEventId ?? Guid.NewGuid;
    }

    public TraderId TraderId { get; }
    public StrategyId StrategyId { get; }
    public ClientOrderIdGenerator IdGenerator { get; }

    /// <summary>Trades at the best available price; <paramref name="slippagePct"/> bounds the worst price (0.05 = 5%).</summary>
    public Order Market(InstrumentId instrumentId, OrderSide side, Quantity quantity,
        TimeInForce timeInForce = TimeInForce.Ioc, bool reduceOnly = false, decimal? slippagePct = null, IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.Market, quantity, null, null, TriggerType.Default, timeInForce, null, false, reduceOnly, slippagePct, tags);

    public Order Limit(InstrumentId instrumentId, OrderSide side, Quantity quantity, Price price,
        TimeInForce timeInForce = TimeInForce.Gtc, long? expireTimeNs = null, bool postOnly = false, bool reduceOnly = false,
        IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.Limit, quantity, price, null, TriggerType.Default, timeInForce, expireTimeNs, postOnly, reduceOnly, null, tags);

    /// <summary>Becomes a market order once the trigger price is crossed against the position (stop-loss).</summary>
    public Order StopMarket(InstrumentId instrumentId, OrderSide side, Quantity quantity, Price triggerPrice,
        TriggerType triggerType = TriggerType.Default, TimeInForce timeInForce = TimeInForce.Gtc, long? expireTimeNs = null,
        bool reduceOnly = false, decimal? slippagePct = null, IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.StopMarket, quantity, null, triggerPrice, triggerType, timeInForce, expireTimeNs, false, reduceOnly, slippagePct, tags);

    /// <summary>Becomes a limit order at <paramref name="price"/> once the trigger price is crossed.</summary>
    public Order StopLimit(InstrumentId instrumentId, OrderSide side, Quantity quantity, Price price, Price triggerPrice,
        TriggerType triggerType = TriggerType.Default, TimeInForce timeInForce = TimeInForce.Gtc, long? expireTimeNs = null,
        bool postOnly = false, bool reduceOnly = false, IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.StopLimit, quantity, price, triggerPrice, triggerType, timeInForce, expireTimeNs, postOnly, reduceOnly, null, tags);

    /// <summary>Becomes a market order once the trigger price is touched in the position's favour (take-profit).</summary>
    public Order MarketIfTouched(InstrumentId instrumentId, OrderSide side, Quantity quantity, Price triggerPrice,
        TriggerType triggerType = TriggerType.Default, TimeInForce timeInForce = TimeInForce.Gtc, long? expireTimeNs = null,
        bool reduceOnly = false, decimal? slippagePct = null, IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.MarketIfTouched, quantity, null, triggerPrice, triggerType, timeInForce, expireTimeNs, false, reduceOnly, slippagePct, tags);

    /// <summary>Becomes a limit order at <paramref name="price"/> once the trigger price is touched.</summary>
    public Order LimitIfTouched(InstrumentId instrumentId, OrderSide side, Quantity quantity, Price price, Price triggerPrice,
        TriggerType triggerType = TriggerType.Default, TimeInForce timeInForce = TimeInForce.Gtc, long? expireTimeNs = null,
        bool postOnly = false, bool reduceOnly = false, IReadOnlyList<string>? tags = null) =>
        Create(instrumentId, side, OrderType.LimitIfTouched, quantity, price, triggerPrice, triggerType, timeInForce, expireTimeNs, postOnly, reduceOnly, null, tags);

    private Order Create(InstrumentId instrumentId, OrderSide side, OrderType type, Quantity quantity, Price? price, Price? triggerPrice,
        TriggerType triggerType, TimeInForce timeInForce, long? expireTimeNs, bool postOnly, bool reduceOnly, decimal? slippagePct,
        IReadOnlyList<string>? tags)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        var init = new OrderInitialized
        {
            TraderId = TraderId,
            StrategyId = StrategyId,
            InstrumentId = instrumentId,
            ClientOrderId = IdGenerator.Generate(),
            Side = side,
            OrderType = type,
            Quantity = quantity,
            Price = price,
            TriggerPrice = triggerPrice,
            TriggerType = triggerType,
            TimeInForce = timeInForce,
            ExpireTimeNs = expireTimeNs,
            PostOnly = postOnly,
            ReduceOnly = reduceOnly,
            SlippagePct = slippagePct,
            Tags = tags,
            EventId = _newEventId(),
            TsInit = _clockNs(),
        };
        return new Order(init);
    }
}
