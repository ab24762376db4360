using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>Tags the risk manager puts on its own orders, so the risk engine and strategies can tell them apart.</summary>
public static class RiskTags
{
    /// <summary>A protective stop-loss.</summary>
    public const string StopLoss = "risk:stop-loss";
    /// <summary>A protective take-profit.</summary>
    public const string TakeProfit = "risk:take-profit";
    /// <summary>A kill-switch or unprotected-position close.</summary>
    public const string Flatten = "risk:flatten";

    /// <summary>True for an order the risk manager placed to protect or close a position; such orders (reduce-only) pass even when HALTED.</summary>
    public static bool IsRiskOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Tags is not { } tags) return false;
        foreach (string tag in tags)
            if (tag is StopLoss or TakeProfit or Flatten) return true;
        return false;
    }
}
