namespace Halyard.Core.Matching;

/// <summary>One account's position and working-order exposure in one coin.</summary>
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

    /// <summary>|size| × average entry price; the cost basis of the open position.</summary>
    public decimal EntryNotional;

    public decimal RealizedPnl;
    public decimal CumFundingAllTime;
    public decimal CumFundingSinceOpen;
    public decimal CumFundingSinceChange;

    /// <summary>Σ size × limit price of working non-reduce-only orders, raw (10^18), per side.</summary>
    public Int128 BuyOrdersNtlRaw;
    public Int128 SellOrdersNtlRaw;

    /// <summary>Index in <see cref="Market.Holders"/>, or -1 when flat.</summary>
    public int HolderIndex = -1;

    public decimal EntryPx => SziRaw == 0 ? 0m : EntryNotional / FixedMath.ToDecimal(Math.Abs(SziRaw));

    public decimal PositionValue(long markPxRaw) => FixedMath.Notional(Math.Abs(SziRaw), markPxRaw);

    public decimal UnrealizedPnl(long markPxRaw)
    {
        if (SziRaw == 0) return 0m;
        decimal value = FixedMath.Notional(Math.Abs(SziRaw), markPxRaw);
        return SziRaw > 0 ? value - EntryNotional : EntryNotional - value;
    }

    /// <summary>
    /// Initial margin this coin needs: the worse of "all buy orders fill" and "all sell orders fill",
    /// valued at the mark for the position and at the limit price for orders, over leverage.
    /// </summary>
    public decimal RequiredMargin(long markPxRaw, Int128 extraBuyRaw, Int128 extraSellRaw)
    {
        Int128 position = (Int128)SziRaw * markPxRaw;
        Int128 ifBuysFill = Abs(position + BuyOrdersNtlRaw + extraBuyRaw);
        Int128 ifSellsFill = Abs(position - SellOrdersNtlRaw - extraSellRaw);
        Int128 worst = ifBuysFill > ifSellsFill ? ifBuysFill : ifSellsFill;
        return worst == 0 ? 0m : FixedMath.FromRawNotional(worst) / Leverage;
    }

    private static Int128 Abs(Int128 v) => v < 0 ? -v : v;
}
