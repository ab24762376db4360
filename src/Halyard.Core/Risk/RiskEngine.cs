using Halyard.Core.Cache;
using Halyard.Core.Execution;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Risk;

/// <summary>
/// Pre-trade checks between strategies and the execution engine. An order that fails is denied (an
/// OrderDenied event with the reason) and never leaves the node; a modify that fails gets an
/// OrderModifyRejected. Cancels always pass, even when halted, and so do the
/// risk manager's reduce-only protective and closing orders (<see cref="RiskTags"/>). Checks, in order: trading state,
/// instrument known, price and size valid for the instrument, reduce-only consistency, notional limits,
/// plugged-in <see cref="IPreTradeCheck"/>s, then the submit rate.
/// </summary>
public sealed class RiskEngine
{
    /// <summary>Bus endpoint where strategies send their <see cref="TradingCommand"/>s.</summary>
    public const string Endpoint = "RiskEngine.Execute";
    public const string TradingStateTopic = "events.risk.trading_state";

    private readonly ExecutionEngine _execution;
    private readonly ICache _cache;
    private readonly IClock _clock;
    private readonly MessageBus _bus;
    private readonly ILogger _log;
    private readonly TokenBucket _submitRate;
    private readonly TokenBucket _modifyRate;
    private readonly List<IPreTradeCheck> _checks = [];
    private readonly Func<Guid> _newId;

    public RiskEngine(RiskEngineConfig config, ExecutionEngine execution, MessageBus bus, ICache cache, IClock clock, ILoggerFactory? loggerFactory = null, Func<Guid>? newId = null)
    {
        _newId = newId ?? Guid.NewGuid;
        Config = config.Validate();
        _execution = execution;
        _bus = bus;
        _cache = cache;
        _clock = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RiskEngine>();
        TradingState = config.InitialState;
        _submitRate = new TokenBucket(config.MaxOrderSubmitRate, config.SubmitRateInterval.Ticks * 100, clock.UtcNowNs);
        _modifyRate = new TokenBucket(config.MaxOrderModifyRate, config.ModifyRateInterval.Ticks * 100, clock.UtcNowNs);
        bus.RegisterEndpoint<TradingCommand>(Endpoint, Execute);
    }

    public RiskEngineConfig Config { get; }
    public TradingState TradingState { get; private set; }

    /// <summary>Orders denied so far.</summary>
    public long DeniedCount { get; private set; }

    /// <summary>Plugs in an extra rule, run after the built-in ones.</summary>
    public void AddCheck(IPreTradeCheck check) => _checks.Add(check ?? throw new ArgumentNullException(nameof(check)));

    /// <summary>Switches ACTIVE / REDUCING / HALTED and publishes <see cref="TradingStateChanged"/>.</summary>
    public void SetTradingState(TradingState state, string reason)
    {
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state), state, "not a trading state");
        if (state == TradingState) return;
        _log.LogWarning("Trading state {Old} → {New}: {Reason}", TradingState, state, reason);
        TradingState = state;
        _bus.Publish(TradingStateTopic, new TradingStateChanged(state, reason, _clock.UtcNowNs));
    }

    public void Execute(TradingCommand command)
    {
        switch (command)
        {
            case SubmitOrder submit:
                if (Check(submit.Order, submit) is string reason) Deny(submit.Order, reason);
                else _execution.Execute(submit);
                break;
            case SubmitOrderList list:
                ExecuteList(list);
                break;
            case ModifyOrder modify:
                if (CheckModify(modify) is string why) RejectModify(modify, why);
                else _execution.Execute(modify);
                break;
            default:
                _execution.Execute(command); // cancels and queries always pass
                break;
        }
    }

    private void ExecuteList(SubmitOrderList list)
    {
        // One bad order denies the whole list: a batch is usually a bracket or a ladder meant to go together.
        foreach (Order order in list.Orders)
        {
            if (Check(order, list, takeToken: false) is string reason)
            {
                foreach (Order o in list.Orders) Deny(o, o == order ? reason : $"another order of its list was denied: {reason}");
                return;
            }
        }
        foreach (Order order in list.Orders)
        {
            if (!_submitRate.TryTake(_clock.UtcNowNs))
            {
                foreach (Order o in list.Orders) Deny(o, RateReason());
                return;
            }
        }
        _execution.Execute(list);
    }

    private string? Check(Order order, TradingCommand command, bool takeToken = true)
    {
        if (Config.Bypass) return null;
        // A halt must never stop the risk manager from protecting or closing a position.
        if (TradingState == TradingState.Halted && !(order.ReduceOnly && RiskTags.IsRiskOrder(order) && Reduces(order))) return "trading is HALTED";
        Instrument? instrument = _cache.Instrument(order.InstrumentId);
        if (instrument is null) return $"instrument {order.InstrumentId} is not in the cache";

        if (order.Price is Price price && PriceProblem(instrument, price, "price") is string priceError) return priceError;
        if (order.TriggerPrice is Price trigger && PriceProblem(instrument, trigger, "trigger price") is string triggerError) return triggerError;
        if (order.Quantity.Precision > instrument.SizePrecision)
            return $"quantity precision {order.Quantity.Precision} exceeds the instrument's {instrument.SizePrecision}";
        if (instrument.SizeError(order.Quantity) is string sizeError) return $"quantity {order.Quantity}: {sizeError}";

        bool reduces = Reduces(order);
        if (order.ReduceOnly && !reduces) return $"reduce-only {order.Side} {order.Quantity} would not reduce the position ({_cache.NetPosition(order.InstrumentId)})";
        if (TradingState == TradingState.Reducing && !reduces) return $"trading is REDUCING and {order.Side} {order.Quantity} would not reduce the position";

        if (NotionalProblem(order, instrument, reduces) is string notionalError) return notionalError;
        foreach (IPreTradeCheck check in _checks)
            if (check.Check(order, command) is string custom) return custom;
        if (takeToken && !_submitRate.TryTake(_clock.UtcNowNs)) return RateReason();
        return null;
    }

    private string RateReason() => $"order submit rate exceeded ({Config.MaxOrderSubmitRate} per {Config.SubmitRateInterval})";

    private static string? PriceProblem(Instrument instrument, Price price, string what)
    {
        if (price.Precision > instrument.PricePrecision)
            return $"{what} precision {price.Precision} exceeds the instrument's {instrument.PricePrecision}";
        return instrument.PriceError(price) is string error ? $"{what} {price}: {error}" : null;
    }

    /// <summary>True when the order shrinks the account's net position without flipping it.</summary>
    private bool Reduces(Order order)
    {
        decimal net = _cache.NetPosition(order.InstrumentId);
        decimal qty = order.Quantity.ToDecimal();
        return (net > 0 && order.Side == OrderSide.Sell && qty <= net) || (net < 0 && order.Side == OrderSide.Buy && qty <= -net);
    }

    private string? NotionalProblem(Order order, Instrument instrument, bool reduces)
    {
        Price? price = order.Price ?? order.TriggerPrice ?? ReferencePrice(order.InstrumentId, order.Side);
        decimal? max = Config.MaxNotionalPerInstrument.TryGetValue(order.InstrumentId, out decimal perInstrument) ? perInstrument : Config.MaxNotionalPerOrder;
        if (price is not Price px)
        {
            // A limit we cannot check is a limit we cannot promise: refuse rather than guess.
            if (max is not null) return $"no price for {order.InstrumentId} to check the order's notional against the limit";
            _log.LogDebug("No price for {InstrumentId}: notional of {ClientOrderId} not checked", order.InstrumentId, order.ClientOrderId);
            return null;
        }
        decimal notional = order.Quantity.NotionalAt(px);
        if (max is decimal limit && notional > limit)
            return $"notional {notional} {instrument.QuoteCurrency} exceeds the maximum {limit} per order";
        if (!reduces && instrument.MinNotional > 0 && notional < instrument.MinNotional)
            return $"notional {notional} {instrument.QuoteCurrency} is below the venue minimum {instrument.MinNotional}";
        return null;
    }

    /// <summary>What a market order would pay: the ask for a buy, the bid for a sell, else the cache's price.</summary>
    private Price? ReferencePrice(InstrumentId id, OrderSide side)
    {
        if (_cache.TryGetQuote(id, out QuoteTick quote)) return side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice;
        return _cache.Price(id, side);
    }

    private string? CheckModify(ModifyOrder modify)
    {
        if (Config.Bypass) return null;
        if (TradingState == TradingState.Halted && !(_cache.Order(modify.ClientOrderId) is { ReduceOnly: true } order && RiskTags.IsRiskOrder(order)))
            return "trading is HALTED";
        Instrument? instrument = _cache.Instrument(modify.InstrumentId);
        if (instrument is null) return $"instrument {modify.InstrumentId} is not in the cache";
        if (modify.Price is Price price && PriceProblem(instrument, price, "price") is string priceError) return priceError;
        if (modify.TriggerPrice is Price trigger && PriceProblem(instrument, trigger, "trigger price") is string triggerError) return triggerError;
        if (modify.Quantity is Quantity qty && instrument.SizeError(qty) is string sizeError) return $"quantity {qty}: {sizeError}";
        if (!_modifyRate.TryTake(_clock.UtcNowNs)) return $"order modify rate exceeded ({Config.MaxOrderModifyRate} per {Config.ModifyRateInterval})";
        return null;
    }

    private void Deny(Order order, string reason)
    {
        DeniedCount++;
        _execution.DenyOrder(order, reason);
    }

    private void RejectModify(ModifyOrder modify, string reason)
    {
        _log.LogWarning("Modify of {ClientOrderId} refused: {Reason}", modify.ClientOrderId, reason);
        Order? order = _cache.Order(modify.ClientOrderId);
        _execution.Process(new OrderModifyRejected(modify.TraderId, modify.StrategyId, modify.InstrumentId, modify.ClientOrderId,
            modify.VenueOrderId ?? order?.VenueOrderId, order?.AccountId, reason, _newId(), _clock.UtcNowNs, _clock.UtcNowNs));
    }
}
