using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// One trade between a taker and a maker at the maker's price. Fees are in the settlement currency
/// (negative = rebate). <c>ClosedPnl</c> is the PnL the fill realised for that side (fees excluded);
/// <c>StartPositionRaw</c> is that side's signed position before the fill.
/// A liquidation fill has no maker: <see cref="MakerAccount"/> is null and it executes at the mark.
/// </summary>
public readonly record struct Fill(
    long TradeId,
    string Coin,
    long PxRaw,
    long SzRaw,
    OrderSide TakerSide,
    string TakerAccount,
    long TakerOid,
    string? TakerCloid,
    decimal TakerFee,
    decimal TakerClosedPnl,
    long TakerStartPositionRaw,
    string? MakerAccount,
    long MakerOid,
    string? MakerCloid,
    decimal MakerFee,
    decimal MakerClosedPnl,
    long MakerStartPositionRaw,
    long TsNs,
    bool IsLiquidation = false)
{
    public OrderSide MakerSide => TakerSide == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>Size × price in quote currency, exact.</summary>
    public decimal Notional => FixedMath.Notional(SzRaw, PxRaw);
}
