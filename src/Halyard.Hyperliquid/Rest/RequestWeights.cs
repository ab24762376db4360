namespace Halyard.Hyperliquid.Rest;

/// <summary>IP weights of REST requests (PROTOCOL §10, docs "Rate limits and user limits").</summary>
public static class RequestWeights
{
    /// <summary>Base weight of an info request by its <c>type</c>.</summary>
    public static int Info(string type) => type switch
    {
        "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
        "userRole" => 60,
        _ => 20,
    };

    /// <summary>Extra weight charged for the items an info answer returned (per 20 items, per 60 for candles).</summary>
    public static int InfoItems(string type, int itemCount) => type switch
    {
        "userFills" or "userFillsByTime" or "fundingHistory" or "userFunding" or "historicalOrders" or "recentTrades" => itemCount / 20,
        "candleSnapshot" => itemCount / 60,
        _ => 0,
    };

    /// <summary>An /exchange request carrying <paramref name="batchLength"/> orders or cancels: 1 + floor(n / 40).</summary>
    public static int Exchange(int batchLength) => 1 + Math.Max(0, batchLength) / 40;
}
