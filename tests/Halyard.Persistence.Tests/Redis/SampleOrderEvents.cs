using Halyard.Core.Model;

namespace Halyard.Persistence.Tests.Redis;

/// <summary>Order histories built from events, with prices that only an exact codec keeps.</summary>
internal static class SampleOrderEvents
{
    public static readonly TraderId Trader = new("TRADER-001");
    public static readonly StrategyId Strategy = new("EMA-001");
    public static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    public static readonly AccountId AccountIdOf = new("HYPERLIQUID-0xabc");
    private static long _ts = 1_764_000_000_000_000_000;

    public static OrderInitialized Init(string id, string qty = "0.00123", string price = "97123.5", string? trigger = null, OrderType type = OrderType.Limit) => new()
    {
        TraderId = Trader,
        StrategyId = Strategy,
        InstrumentId = Btc,
        ClientOrderId = new ClientOrderId(id),
        Side = OrderSide.Buy,
        OrderType = type,
        Quantity = Quantity.Parse(qty),
        Price = Price.Parse(price),
        TriggerPrice = trigger is null ? null : Price.Parse(trigger),
        TimeInForce = TimeInForce.Gtc,
        ReduceOnly = true,
        SlippagePct = type == OrderType.Market ? 0.05m : null,
        Tags = ["entry", "ema"],
        EventId = Guid.NewGuid(),
        TsInit = Next(),
    };

    public static OrderSubmitted Submitted(string id) => new(Trader, Strategy, Btc, new(id), AccountIdOf, Guid.NewGuid(), Next(), Next());
    public static OrderAccepted Accepted(string id, string venueId) => new(Trader, Strategy, Btc, new(id), new(venueId), AccountIdOf, Guid.NewGuid(), Next(), Next());

    public static OrderFilled Filled(string id, string venueId, string tradeId, string qty, string px) =>
        new(Trader, Strategy, Btc, new(id), new(venueId), AccountIdOf, new(tradeId), PositionId.Netting(Btc, Strategy), OrderSide.Buy, OrderType.Limit,
            Quantity.Parse(qty), Price.Parse(px), Currency.Usdc, new Money(-0.000012m, Currency.Usdc), LiquiditySide.Maker, Guid.NewGuid(), Next(), Next());

    /// <summary>One event of every IOrderEvent type (not one valid history: for the codec).</summary>
    public static IReadOnlyList<IOrderEvent> OneOfEach(string id)
    {
        var coid = new ClientOrderId(id);
        var vid = new VenueOrderId("77001");
        return
        [
            Init(id, trigger: "96000.25", type: OrderType.StopLimit),
            new OrderDenied(Trader, Strategy, Btc, coid, "max notional 1000.5 USDC exceeded", Guid.NewGuid(), Next(), Next()),
            Submitted(id),
            Accepted(id, "77001"),
            new OrderRejected(Trader, Strategy, Btc, coid, AccountIdOf, "post only would cross", Guid.NewGuid(), Next(), Next()),
            new OrderCanceled(Trader, Strategy, Btc, coid, vid, null, Guid.NewGuid(), Next(), Next()),
            new OrderExpired(Trader, Strategy, Btc, coid, null, AccountIdOf, Guid.NewGuid(), Next(), Next()),
            new OrderTriggered(Trader, Strategy, Btc, coid, vid, AccountIdOf, Guid.NewGuid(), Next(), Next()),
            new OrderPendingUpdate(Trader, Strategy, Btc, coid, vid, AccountIdOf, Guid.NewGuid(), Next(), Next()),
            new OrderPendingCancel(Trader, Strategy, Btc, coid, null, AccountIdOf, Guid.NewGuid(), Next(), Next()),
            new OrderModifyRejected(Trader, Strategy, Btc, coid, vid, AccountIdOf, "too late", Guid.NewGuid(), Next(), Next()),
            new OrderCancelRejected(Trader, Strategy, Btc, coid, vid, null, "already filled", Guid.NewGuid(), Next(), Next()),
            new OrderUpdated(Trader, Strategy, Btc, coid, new VenueOrderId("77002"), AccountIdOf, Quantity.Parse("0.00200"), Price.Parse("97000.1"), null, Guid.NewGuid(), Next(), Next()),
            Filled(id, "77002", "T-1", "0.00077", "97000.123456789"),
        ];
    }

    private static long Next() => Interlocked.Add(ref _ts, 1_000_000);
}
