using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>An optional reduce-only take-profit placed with the stop: MARKET_IF_TOUCHED, or LIMIT_IF_TOUCHED with its limit at the trigger.</summary>
public sealed record TakeProfitConfig(ProtectiveDistance Distance, OrderType OrderType = OrderType.MarketIfTouched)
{
    public void Validate(string prefix)
    {
        if (Distance is null) throw new ArgumentException($"{prefix}.{nameof(Distance)} is required", $"{prefix}.{nameof(Distance)}");
        Distance.Validate($"{prefix}.{nameof(Distance)}");
        if (OrderType is not (OrderType.MarketIfTouched or OrderType.LimitIfTouched))
            throw new ArgumentException($"{prefix}.{nameof(OrderType)} must be MarketIfTouched or LimitIfTouched, was {OrderType}", $"{prefix}.{nameof(OrderType)}");
    }
}
