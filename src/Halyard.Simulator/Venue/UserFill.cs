namespace Halyard.Simulator.Venue;

/// <summary>One side of a trade as a user sees it (the exchange's WsFill).</summary>
internal sealed record UserFill(
    string User,
    string Coin,
    decimal Px,
    decimal Sz,
    bool IsBuy,
    long TimeMs,
    decimal StartPosition,
    string Dir,
    decimal ClosedPnl,
    string Hash,
    long Oid,
    bool Crossed,
    decimal Fee,
    long Tid,
    string? Cloid,
    decimal? LiquidationMarkPx)
{
    /// <summary>"Open Long", "Close Short", "Long > Short"… from the position before and the side.</summary>
    public static string Direction(decimal startPosition, bool isBuy, decimal sz)
    {
        decimal end = startPosition + (isBuy ? sz : -sz);
        if (startPosition == 0) return isBuy ? "Open Long" : "Open Short";
        if (startPosition > 0)
            return isBuy ? "Open Long" : end >= 0 ? "Close Long" : "Long > Short";
        return !isBuy ? "Open Short" : end <= 0 ? "Close Short" : "Short > Long";
    }
}
