namespace Halyard.Core.Matching;

/// <summary>The exchange's per-order error messages, reproduced word for word.</summary>
public static class MatchingErrors
{
    public const string PriceTick = "Price must be divisible by tick size.";
    public const string InvalidSize = "Order has invalid size.";
    public const string InsufficientMargin = "Insufficient margin to place order.";
    public const string ReduceOnlyIncrease = "Reduce only order would increase position.";
    public const string IocNoMatch = "Order could not immediately match against any resting orders.";
    public const string CancelNotFound = "Order was never placed, already canceled, or filled.";
    public const string ModifyNotFound = "Cannot modify canceled or filled order";
    public const string InvalidTriggerPx = "Invalid TP/SL price.";
    public const string TooManyOpenOrders = "Too many open orders.";
    public const string InvalidLeverage = "Invalid leverage value.";
    public const string InsufficientMarginForLeverage = "Insufficient margin to update leverage.";
    public const string DuplicateCloid = "Duplicate cloid.";
    public const string InvalidTpslChild = "TP/SL orders must be reduce-only trigger orders on the other side of their parent.";
    public const string ParentNotPlaced = "Parent order was not placed.";

    /// <summary>"Post only order would have immediately matched, bbo was {bid}@{ask}."</summary>
    public static string PostOnlyWouldMatch(string bid, string ask) =>
        $"Post only order would have immediately matched, bbo was {bid}@{ask}.";

    /// <summary>"Order must have minimum value of $10."</summary>
    public static string MinimumValue(decimal minNotional) =>
        $"Order must have minimum value of ${minNotional.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}.";

    public static string UnknownCoin(string coin) => $"Unknown coin {coin}.";
}
