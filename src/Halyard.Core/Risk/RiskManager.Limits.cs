using Halyard.Core.Execution;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Risk;

public sealed partial class RiskManager
{
    /// <summary>
    /// The limits, run by the risk engine before an order leaves the node. An order that reduces exposure (or a
    /// reduce-only order of this manager) always passes. Positions are projected as if every open order on the
    /// same side filled, so the limits hold whatever fills.
    /// </summary>
    public string? Check(Order order, TradingCommand command)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ReduceOnly && RiskTags.IsRiskOrder(order)) return null;
        if (ReducesExposure(order)) return null;
        string? reason = CheckLimits(order);
        if (reason is null && _orderRate is not null && !_orderRate.TryTake(_clock.UtcNowNs))
            reason = $"{nameof(RiskManagerConfig.MaxOrderRate)} exceeded: more than {Config.MaxOrderRate} orders per {Config.OrderRateInterval}";
        if (reason is not null)
        {
            DeniedCount++;
            _log.LogWarning("Order {ClientOrderId} ({Side} {Quantity} {InstrumentId}) breaches a limit: {Reason}", order.ClientOrderId, order.Side, order.Quantity, order.InstrumentId, reason);
        }
        return reason;
    }

    /// <summary>
    /// True when the order can only shrink the account's position: opposite side, and even together with the
    /// other open orders of that side (reduce-only ones cannot flip it) it stays within the position.
    /// </summary>
    private bool ReducesExposure(Order order)
    {
        decimal net = _cache.NetPosition(order.InstrumentId);
        if (net == 0 || (net > 0) == (order.Side == OrderSide.Buy)) return false;
        decimal pending = OpenLeaves(order.InstrumentId, order.Side, order.ClientOrderId, includeReduceOnly: false);
        decimal quantity = order.IsOpen ? order.LeavesQty.ToDecimal() : order.Quantity.ToDecimal();
        return quantity + pending <= Math.Abs(net);
    }

    /// <summary>
    /// An order let through because it reduced the position may add exposure once the position shrank under it (a stop
    /// filled, the strategy closed): such working orders are checked again like new ones and canceled if they breach a limit.
    /// </summary>
    private void CancelOrdersNoLongerReducing(InstrumentId id)
    {
        if (!HasExposureLimits) return;
        foreach (Order order in _cache.OrdersOpen(id))
        {
            if (order.ReduceOnly || RiskTags.IsRiskOrder(order) || order.Status == OrderStatus.PendingCancel || !_factories.ContainsKey(order.StrategyId)) continue;
            if (ReducesExposure(order) || CheckLimits(order, isNew: false) is not string reason) continue;
            _log.LogWarning("Canceling {ClientOrderId} ({Side} {Quantity} {InstrumentId}): it no longer reduces the position and {Reason}",
                order.ClientOrderId, order.Side, order.LeavesQty, id, reason);
            Send(new CancelOrder(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, _newId(), _clock.UtcNowNs));
        }
    }

    private bool HasExposureLimits => Config.MaxPositionSize is not null || Config.MaxOrderNotional is not null || Config.MaxPositionNotional is not null
        || Config.MaxTotalExposure is not null || Config.MaxLeverage is not null;

    private string? CheckLimits(Order order, bool isNew = true)
    {
        InstrumentId id = order.InstrumentId;
        if (isNew && Config.MaxOpenOrders is int maxOpen)
        {
            int open = _cache.OrdersOpenCount() + _cache.OrdersInflight().Count(o => o.Status == OrderStatus.Submitted);
            if (open >= maxOpen) return $"{nameof(RiskManagerConfig.MaxOpenOrders)} reached: {open} orders open or in flight, the limit is {maxOpen}";
        }
        decimal qty = order.Quantity.ToDecimal();
        decimal sign = order.Side == OrderSide.Buy ? 1m : -1m;
        if (!isNew) qty = order.LeavesQty.ToDecimal();
        decimal projected = _cache.NetPosition(id) + sign * (qty + OpenLeaves(id, order.Side, order.ClientOrderId, includeReduceOnly: false));
        if (Config.MaxPositionSize is decimal maxSize && Math.Abs(projected) > maxSize)
            return $"{nameof(RiskManagerConfig.MaxPositionSize)} exceeded: the position in {id} could reach {N(projected)} with this and the open orders, the limit is {maxSize}";

        bool needsPrice = Config.MaxOrderNotional is not null || Config.MaxPositionNotional is not null || Config.MaxTotalExposure is not null || Config.MaxLeverage is not null;
        if (!needsPrice) return null;
        if (PriceFor(id, order) is not decimal price) return $"no price known for {id} to check the notional limits against";

        decimal notional = qty * price;
        // The projected position is valued at the highest price any of its orders may fill at: a sell resting above
        // this one fills later and higher, so the position would be worth more by then.
        price = HighestOpenPrice(id, order.Side, order.ClientOrderId, price);
        if (Config.MaxOrderNotional is decimal maxOrder && notional > maxOrder)
            return $"{nameof(RiskManagerConfig.MaxOrderNotional)} exceeded: the order is worth {N(notional)}, the limit is {maxOrder}";
        decimal positionNotional = Math.Abs(projected) * price;
        if (Config.MaxPositionNotional is decimal maxPosition && positionNotional > maxPosition)
            return $"{nameof(RiskManagerConfig.MaxPositionNotional)} exceeded: the position in {id} could be worth {N(positionNotional)}, the limit is {maxPosition}";
        if (Config.MaxTotalExposure is null && Config.MaxLeverage is null) return null;

        decimal exposure = positionNotional;
        foreach (Instrument other in _cache.Instruments())
            if (other.Id != id) exposure += WorstExposure(other.Id);
        if (Config.MaxTotalExposure is decimal maxExposure && exposure > maxExposure)
            return $"{nameof(RiskManagerConfig.MaxTotalExposure)} exceeded: total exposure could reach {N(exposure)}, the limit is {maxExposure}";
        if (Config.MaxLeverage is decimal maxLeverage)
        {
            if (Equity() is not decimal equity || equity <= 0) return $"{nameof(RiskManagerConfig.MaxLeverage)} cannot be checked: account equity is unknown or not positive";
            decimal leverage = exposure / equity;
            if (leverage > maxLeverage)
                return $"{nameof(RiskManagerConfig.MaxLeverage)} exceeded: leverage could reach {leverage:0.####} (exposure {N(exposure)} / equity {N(equity)}), the limit is {maxLeverage}";
        }
        return null;
    }

    /// <summary>What an instrument's position could be worth if every open order of its larger side filled.</summary>
    private decimal WorstExposure(InstrumentId id)
    {
        decimal net = _cache.NetPosition(id);
        decimal buys = OpenLeaves(id, OrderSide.Buy, null, includeReduceOnly: false);
        decimal sells = OpenLeaves(id, OrderSide.Sell, null, includeReduceOnly: false);
        decimal worst = Math.Max(Math.Abs(net + buys), Math.Abs(net - sells));
        if (worst == 0) return 0;
        return _cache.Price(id) is Price px ? worst * px.ToDecimal() : 0;
    }

    /// <summary>Quantity still to fill of the open or in-flight orders of one side (reduce-only ones cannot add exposure).</summary>
    private decimal OpenLeaves(InstrumentId id, OrderSide side, ClientOrderId? except, bool includeReduceOnly)
    {
        decimal sum = 0;
        foreach (Order o in _cache.OrdersOpen(id))
            if (o.Side == side && o.ClientOrderId != except && (includeReduceOnly || !o.ReduceOnly)) sum += o.LeavesQty.ToDecimal();
        foreach (Order o in _cache.OrdersInflight(id))
            if (o.Status == OrderStatus.Submitted && o.Side == side && o.ClientOrderId != except && (includeReduceOnly || !o.ReduceOnly)) sum += o.LeavesQty.ToDecimal();
        return sum;
    }

    /// <summary>The highest of <paramref name="price"/> and the limit/trigger prices of the open orders of one side that can add exposure.</summary>
    private decimal HighestOpenPrice(InstrumentId id, OrderSide side, ClientOrderId except, decimal price)
    {
        foreach (Order o in _cache.OrdersOpen(id))
            if (o.Side == side && o.ClientOrderId != except && !o.ReduceOnly && (o.Price ?? o.TriggerPrice) is Price px) price = Math.Max(price, px.ToDecimal());
        foreach (Order o in _cache.OrdersInflight(id))
            if (o.Status == OrderStatus.Submitted && o.Side == side && o.ClientOrderId != except && !o.ReduceOnly && (o.Price ?? o.TriggerPrice) is Price px)
                price = Math.Max(price, px.ToDecimal());
        return price;
    }

    /// <summary>Without trailing zeros, for messages (fixed-point values carry 18 decimals).</summary>
    private static decimal N(decimal value) => value / 1.000000000000000000000000000000000m;

    private decimal? PriceFor(InstrumentId id, Order order)
    {
        // A sell fills at its limit or higher: at the bid when it crosses on arrival.
        if (order.Price is Price sellLimit && order.Side == OrderSide.Sell && order.TriggerPrice is null && _cache.TryGetQuote(id, out QuoteTick bidQuote))
            return Math.Max(sellLimit.ToDecimal(), bidQuote.BidPrice.ToDecimal());
        if (order.Price is Price limit) return limit.ToDecimal();
        if (order.TriggerPrice is Price trigger) return trigger.ToDecimal();
        if (_cache.TryGetQuote(id, out QuoteTick quote)) return (order.Side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice).ToDecimal();
        return _cache.Price(id, order.Side)?.ToDecimal();
    }

    /// <summary>Account equity (balances plus unrealized PnL, see <see cref="AccountEquity.Of"/>); null before any account is known.</summary>
    public decimal? Equity() => AccountEquity.Of(_cache);
}
