using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Cache;

/// <summary>
/// The kernel's memory of the trading world: instruments, the latest market data, books, orders,
/// positions and accounts. Written by the engines on the kernel thread, read by strategies. Queries
/// return null or empty rather than throwing when something is unknown.
/// </summary>
public interface ICache
{
    // ── instruments ─────────────────────────────────────────────
    void AddInstrument(Instrument instrument);
    Instrument? Instrument(InstrumentId instrumentId);
    IReadOnlyList<Instrument> Instruments(Venue? venue = null);

    // ── market data (latest per instrument) ─────────────────────
    void AddQuote(in QuoteTick quote);
    void AddTrade(in TradeTick trade);
    void AddBar(in Bar bar);
    void AddMarkPrice(in MarkPriceUpdate markPrice);
    void AddFundingRate(in FundingRateUpdate fundingRate);
    bool TryGetQuote(InstrumentId instrumentId, out QuoteTick quote);
    bool TryGetTrade(InstrumentId instrumentId, out TradeTick trade);
    bool TryGetBar(BarType barType, out Bar bar);
    bool TryGetMarkPrice(InstrumentId instrumentId, out MarkPriceUpdate markPrice);
    bool TryGetFundingRate(InstrumentId instrumentId, out FundingRateUpdate fundingRate);

    /// <summary>
    /// The price to value a position or an order at: mark if known, else the quote side a closing order
    /// would hit (bid for <see cref="OrderSide.Sell"/>, ask for Buy, mid for none), else the last trade.
    /// </summary>
    Price? Price(InstrumentId instrumentId, OrderSide side = OrderSide.NoOrderSide);

    // ── order books (kept by the data engine) ───────────────────
    void AddOrderBook(OrderBook book);
    OrderBook? OrderBook(InstrumentId instrumentId);
}
