using Halyard.Core.Model;
using Halyard.Hyperliquid.Wire;
using CoreTif = Halyard.Core.Model.TimeInForce;
using WireTif = Halyard.Hyperliquid.Wire.TimeInForce;

namespace Halyard.Hyperliquid.Mapping;

/// <summary>
/// Translates our order types into Hyperliquid order wires. Market orders do not exist on the wire: a MARKET is an
/// IOC limit through the reference price by the configured slippage, rounded to a valid price (5 significant
/// figures, 6 − szDecimals decimals) in the aggressive direction. Stops are "sl" triggers, if-touched orders "tp".
/// </summary>
public static class OrderWireBuilder
{
    /// <summary>Builds the wire for a new order (or a modify's replacement, with <paramref name="size"/> set).</summary>
    /// <param name="referencePrice">Mid or mark used to price MARKET orders; unused otherwise.</param>
    /// <param name="price">A modify's new limit price (null: the order's).</param>
    /// <param name="triggerPrice">A modify's new trigger price (null: the order's).</param>
    /// <returns>null with <paramref name="error"/> when the order cannot be expressed on Hyperliquid.</returns>
    public static OrderWire? Build(TrackedOrder order, HyperliquidMarket market, bool reduceOnly, bool postOnly, CoreTif timeInForce,
        decimal slippage, Price? referencePrice, decimal? size, out string? error, Price? price = null, Price? triggerPrice = null)
    {
        error = null;
        Price? limitPrice = price ?? order.Price;
        Price? stopPrice = triggerPrice ?? order.TriggerPrice;
        Instrument instrument = market.Instrument;
        bool isBuy = order.Side == OrderSide.Buy;
        decimal wireSize = size ?? order.Quantity.ToDecimal();
        if (wireSize <= 0m) { error = "size must be positive"; return null; }

        OrderTypeWire type;
        decimal wirePrice;
        switch (order.OrderType)
        {
            case OrderType.Market:
                if (referencePrice is not { IsPositive: true } reference) { error = "no reference price (quote or mark) yet to price a market order"; return null; }
                wirePrice = Aggressive(instrument, reference.ToDecimal(), isBuy, slippage);
                type = OrderTypeWire.Ioc;
                break;
            case OrderType.Limit:
                if (limitPrice is not Price limit) { error = "a limit order needs a price"; return null; }
                if (LimitTif(timeInForce, postOnly, out error) is not { } tif) return null;
                wirePrice = limit.ToDecimal();
                type = OrderTypeWire.Limit(tif);
                break;
            case OrderType.StopMarket or OrderType.MarketIfTouched:
                if (stopPrice is not Price trigger) { error = "a trigger order needs a trigger price"; return null; }
                // p is the worst execution price once triggered: the slippage bound around the trigger.
                wirePrice = Aggressive(instrument, trigger.ToDecimal(), isBuy, slippage);
                type = OrderTypeWire.Trigger(true, Format(trigger.ToDecimal()), order.OrderType == OrderType.StopMarket ? TpSl.StopLoss : TpSl.TakeProfit);
                break;
            case OrderType.StopLimit or OrderType.LimitIfTouched:
                if (stopPrice is not Price trig || limitPrice is not Price lim) { error = "a stop/if-touched limit order needs a price and a trigger price"; return null; }
                wirePrice = lim.ToDecimal();
                type = OrderTypeWire.Trigger(false, Format(trig.ToDecimal()), order.OrderType == OrderType.StopLimit ? TpSl.StopLoss : TpSl.TakeProfit);
                break;
            default:
                error = $"order type {order.OrderType} is not supported on Hyperliquid";
                return null;
        }

        return new OrderWire(market.AssetId, isBuy, Format(wirePrice), Format(wireSize), reduceOnly, type, Wire.Cloid.Parse(order.Cloid));
    }

    /// <summary>Reference ± slippage, rounded away from the reference onto a valid price.</summary>
    public static decimal Aggressive(Instrument instrument, decimal reference, bool isBuy, decimal slippage)
    {
        decimal raw = isBuy ? reference * (1m + slippage) : reference * (1m - slippage);
        return instrument.RoundPrice(raw, isBuy ? RoundingDirection.Up : RoundingDirection.Down).ToDecimal();
    }

    private static WireTif? LimitTif(CoreTif tif, bool postOnly, out string? error)
    {
        error = null;
        if (postOnly)
        {
            if (tif != CoreTif.Gtc) { error = "post-only orders must be GTC"; return null; }
            return WireTif.Alo;
        }
        switch (tif)
        {
            case CoreTif.Gtc: return WireTif.Gtc;
            case CoreTif.Ioc: return WireTif.Ioc;
            default:
                error = $"time in force {tif} is not available on Hyperliquid (GTC, IOC or post-only)";
                return null;
        }
    }

    private static string Format(decimal value) => WireNumber.Format(value / 1.000000000000000000000000000000m);
}
