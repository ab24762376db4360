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

    // ── orders ──────────────────────────────────────────────────
    /// <summary>Adds a new order; false (and nothing changes) when its client order id is already known.</summary>
    bool AddOrder(Order order, PositionId? positionId = null);
    /// <summary>Re-indexes an order after an event changed it (status, venue order id).</summary>
    void UpdateOrder(Order order);
    Order? Order(ClientOrderId clientOrderId);
    /// <summary>Our id of the order the venue calls <paramref name="venueOrderId"/>, when known.</summary>
    ClientOrderId? ClientOrderIdFor(VenueOrderId venueOrderId);
    /// <summary>The position an order was submitted for, when one was named.</summary>
    PositionId? PositionIdFor(ClientOrderId clientOrderId);
    bool OrderExists(ClientOrderId clientOrderId);
    /// <summary>Orders oldest first, optionally of one instrument and/or one strategy.</summary>
    IReadOnlyList<Order> Orders(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    /// <summary>Orders working at the venue (accepted, triggered, partly filled, pending update/cancel).</summary>
    IReadOnlyList<Order> OrdersOpen(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    IReadOnlyList<Order> OrdersClosed(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    /// <summary>Orders sent and awaiting the venue's answer (submitted, pending update/cancel).</summary>
    IReadOnlyList<Order> OrdersInflight(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    int OrdersOpenCount(InstrumentId? instrumentId = null, StrategyId? strategyId = null);

    // ── positions ───────────────────────────────────────────────
    void AddPosition(Position position);
    /// <summary>Re-indexes a position after a fill changed it (open/closed).</summary>
    void UpdatePosition(Position position);
    Position? Position(PositionId positionId);
    bool PositionExists(PositionId positionId);
    /// <summary>Positions oldest first, optionally of one instrument and/or one strategy.</summary>
    IReadOnlyList<Position> Positions(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    IReadOnlyList<Position> PositionsOpen(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    IReadOnlyList<Position> PositionsClosed(InstrumentId? instrumentId = null, StrategyId? strategyId = null);
    /// <summary>Net signed quantity over every strategy's open position in the instrument (the venue's account-wide view).</summary>
    decimal NetPosition(InstrumentId instrumentId);

    // ── accounts ────────────────────────────────────────────────
    void AddAccount(Account account);
    Account? Account(AccountId accountId);
    /// <summary>The account held at <paramref name="venue"/>, when there is one.</summary>
    Account? AccountFor(Venue venue);
    IReadOnlyList<Account> Accounts();
}
