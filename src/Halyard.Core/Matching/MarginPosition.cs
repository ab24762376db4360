namespace Halyard.Core.Matching;

/// <summary>
/// One account's position and working-order exposure in one coin. Money is kept in wads
/// (Int128 scaled by 10^18): every raw size × raw price product is exact at that scale.
/// </summary>
internal sealed class MarginPosition
{
    public MarginPosition(MarginAccount account, Market market, int leverage)
    {
        Account = account;
        Market = market;
        Leverage = leverage;
    }

    public MarginAccount Account { get; }
    public Market Market { get; }
    public int Leverage;

    /// <summary>Signed size: positive long, negative short.</summary>
    public long SziRaw;

    /// <summary>|size| × average entry price (wad): the cost basis of the open position.</summary>
    public Int128 EntryNtlWad;

    public Int128 RealizedPnlWad;
    public decimal CumFundingAllTime;
    public decimal CumFundingSinceOpen;
    public decimal CumFundingSinceChange;

    /// <summary>Σ size × limit price of working non-reduce-only orders (wad), per side.</summary>
    public Int128 BuyOrdersNtlRaw;
    public Int128 SellOrdersNtlRaw;

    /// <summary>Index in <see cref="Market.Holders"/>, or -1 when flat.</summary>
    public int HolderIndex = -1;

    public decimal EntryPx => SziRaw == 0 ? 0m : FixedMath.FromWad(EntryNtlWad) / FixedMath.ToDecimal(Math.Abs(SziRaw));

    public Int128 PositionValueWad(long markPxRaw) => FixedMath.RawNotional(Math.Abs(SziRaw), markPxRaw);

    public Int128 UnrealizedPnlWad(long markPxRaw)
    {
        if (SziRaw == 0) return 0;
        Int128 value = FixedMath.RawNotional(Math.Abs(SziRaw), markPxRaw);
        return SziRaw > 0 ? value - EntryNtlWad : EntryNtlWad - value;
    }

    /// <summary>
    /// Initial margin this coin needs (wad, rounded up): the worse of "all buy orders fill" and "all
    /// sell orders fill", valuing the position at the mark and orders at their limit price, over leverage.
    /// </summary>
    public Int128 RequiredMarginWad(long markPxRaw, Int128 extraBuyRaw, Int128 extraSellRaw)
    {
        Int128 position = (Int128)SziRaw * markPxRaw;
        Int128 ifBuysFill = Abs(position + BuyOrdersNtlRaw + extraBuyRaw);
        Int128 ifSellsFill = Abs(position - SellOrdersNtlRaw - extraSellRaw);
        Int128 worst = ifBuysFill > ifSellsFill ? ifBuysFill : ifSellsFill;
        return worst == 0 ? 0 : FixedMath.CeilDiv(worst, Leverage);
    }

    private static Int128 Abs(Int128 v) => v < 0 ? -v : v;
}
