namespace Halyard.Core.Model;

public sealed partial class Order
{
    /// <summary>Why <paramref name="init"/> is not a valid order (field name and message), or null when it is.</summary>
    public static (string Field, string Message)? ValidationError(OrderInitialized init)
    {
        ArgumentNullException.ThrowIfNull(init);
        string id = init.ClientOrderId.ToString();
        if (init.ClientOrderId.Value is null) return ("clientOrderId", "order has no client order id");
        if (init.Side is not (OrderSide.Buy or OrderSide.Sell)) return ("side", $"order {id}: side must be Buy or Sell, was {init.Side}");
        if (!Enum.IsDefined(init.OrderType)) return ("orderType", $"order {id}: unknown order type {init.OrderType}");
        if (!init.Quantity.IsPositive) return ("quantity", $"order {id}: quantity must be positive, was {init.Quantity}");

        bool needsPrice = HasLimitPrice(init.OrderType);
        if (needsPrice && init.Price is null) return ("price", $"order {id}: a {init.OrderType} order needs a limit price");
        if (!needsPrice && init.Price is not null) return ("price", $"order {id}: a {init.OrderType} order takes no limit price");
        if (init.Price is { IsPositive: false } price) return ("price", $"order {id}: price must be positive, was {price}");

        bool needsTrigger = HasTriggerPrice(init.OrderType);
        if (needsTrigger && init.TriggerPrice is null) return ("triggerPrice", $"order {id}: a {init.OrderType} order needs a trigger price");
        if (!needsTrigger && init.TriggerPrice is not null) return ("triggerPrice", $"order {id}: a {init.OrderType} order takes no trigger price");
        if (init.TriggerPrice is { IsPositive: false } trigger) return ("triggerPrice", $"order {id}: trigger price must be positive, was {trigger}");

        if (init.PostOnly && !needsPrice) return ("postOnly", $"order {id}: post-only applies only to orders with a limit price, not {init.OrderType}");
        if (init.PostOnly && init.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            return ("postOnly", $"order {id}: a post-only order cannot be {init.TimeInForce.ToString().ToUpperInvariant()}");

        if (!Enum.IsDefined(init.TimeInForce)) return ("timeInForce", $"order {id}: unknown time in force {init.TimeInForce}");
        if (init.TimeInForce == TimeInForce.Gtd && init.ExpireTimeNs is null)
            return ("expireTimeNs", $"order {id}: a GTD order needs an expire time");
        if (init.TimeInForce != TimeInForce.Gtd && init.ExpireTimeNs is not null)
            return ("expireTimeNs", $"order {id}: an expire time needs time in force GTD, was {init.TimeInForce.ToString().ToUpperInvariant()}");
        if (init.ExpireTimeNs is long expire && expire <= init.TsInit)
            return ("expireTimeNs", $"order {id}: expire time {expire} is not after the order's creation {init.TsInit}");

        if (init.SlippagePct is not null && init.OrderType is not (OrderType.Market or OrderType.StopMarket or OrderType.MarketIfTouched))
            return ("slippagePct", $"order {id}: slippage applies only to market-type orders, not {init.OrderType}");
        if (init.SlippagePct is decimal slippage && (slippage <= 0m || slippage >= 1m))
            return ("slippagePct", $"order {id}: slippage must be a fraction between 0 and 1 (0.05 = 5%), was {slippage}");
        return null;
    }

    /// <summary>Limit, StopLimit and LimitIfTouched carry a limit price.</summary>
    public static bool HasLimitPrice(OrderType type) => type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitIfTouched;

    /// <summary>Stop and if-touched orders carry a trigger price.</summary>
    public static bool HasTriggerPrice(OrderType type) =>
        type is OrderType.StopMarket or OrderType.StopLimit or OrderType.MarketIfTouched or OrderType.LimitIfTouched;
}
