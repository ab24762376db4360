using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// The order book of one coin: individual orders (L3) in price-time priority, readable as aggregated
/// levels (L2). Read-only to callers; the <see cref="MatchingEngine"/> changes it.
/// </summary>
public sealed class MatchingBook
{
    internal MatchingBook(string coin, Stack<PriceLevel> levelPool)
    {
        Coin = coin;
        Bids = new MatchingBookSide(isBid: true, levelPool);
        Asks = new MatchingBookSide(isBid: false, levelPool);
    }

    public string Coin { get; }

    internal MatchingBookSide Bids { get; }
    internal MatchingBookSide Asks { get; }

    internal MatchingBookSide SideOf(OrderSide side) => side == OrderSide.Buy ? Bids : Asks;
    internal MatchingBookSide OppositeOf(OrderSide side) => side == OrderSide.Buy ? Asks : Bids;

    /// <summary>Best bid price, or 0 when there are no bids.</summary>
    public long BestBidPxRaw => Bids.Best?.PxRaw ?? 0;

    /// <summary>Best ask price, or 0 when there are no asks.</summary>
    public long BestAskPxRaw => Asks.Best?.PxRaw ?? 0;

    public int BidLevelCount => Bids.LevelCount;
    public int AskLevelCount => Asks.LevelCount;

    /// <summary>Mid of the best bid and ask (exact), or null when a side is empty.</summary>
    public decimal? Mid =>
        Bids.Best is { } bid && Asks.Best is { } ask
            ? (FixedMath.ToDecimal(bid.PxRaw) + FixedMath.ToDecimal(ask.PxRaw)) / 2m
            : null;

    /// <summary>Copies the top levels of one side, best first (bids descending, asks ascending); returns the count.</summary>
    public int CopyLevels(OrderSide side, Span<MatchingBookLevel> destination) => SideOf(side).CopyTo(destination);

    /// <summary>Appends every order of one side (L3), best price first and oldest first within a price.</summary>
    public void CopyOrders(OrderSide side, List<OpenOrder> destination)
    {
        MatchingBookSide bookSide = SideOf(side);
        for (int i = 0; i < bookSide.LevelCount; i++)
            for (RestingOrder? o = bookSide.LevelFromBest(i).Head; o is not null; o = o.Next)
                destination.Add(o.Snapshot());
    }
}
