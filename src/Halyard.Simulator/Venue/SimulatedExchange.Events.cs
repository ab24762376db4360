using System.Security.Cryptography;
using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Market;

namespace Halyard.Simulator.Venue;

internal sealed partial class SimulatedExchange
{
    // What happened during the current operation, pushed by Flush once the operation is done.
    private readonly List<OrderRecord> _pendingOrders = [];
    private readonly List<UserFill> _pendingFills = [];
    private readonly List<(string User, UserFunding Funding)> _pendingFundingOwners = [];
    private readonly List<(string User, string Coin, long Oid)> _pendingNonUserCancels = [];
    private readonly List<Liquidation> _pendingLiquidations = [];
    private readonly List<TradeRecord> _pendingTrades = [];
    private readonly List<Candle> _pendingCandles = [];

    /// <summary>Pushes what the last operation did (order updates, fills, trades, candles…); call under the gate.</summary>
    public void Flush()
    {
        if (_pendingOrders.Count > 0) _publisher.OrderUpdates(_pendingOrders);
        if (_pendingFills.Count > 0) _publisher.UserFills(_pendingFills);
        if (_pendingNonUserCancels.Count > 0) _publisher.NonUserCancels(_pendingNonUserCancels);
        foreach (var (user, funding) in _pendingFundingOwners) _publisher.UserFunding(user, funding);
        foreach (var liquidation in _pendingLiquidations) _publisher.Liquidation(liquidation);
        if (_pendingTrades.Count > 0) _publisher.Trades(_pendingTrades);
        if (_pendingCandles.Count > 0) _publisher.Candles(_pendingCandles);
        _pendingOrders.Clear();
        _pendingFills.Clear();
        _pendingFundingOwners.Clear();
        _pendingNonUserCancels.Clear();
        _pendingLiquidations.Clear();
        _pendingTrades.Clear();
        _pendingCandles.Clear();
    }

    /// <summary>The exchange's status string of an order update.</summary>
    public static string StatusText(OrderUpdateStatus status) => status switch
    {
        OrderUpdateStatus.Open => "open",
        OrderUpdateStatus.Filled => "filled",
        OrderUpdateStatus.Canceled => "canceled",
        OrderUpdateStatus.Triggered => "triggered",
        OrderUpdateStatus.SelfTradeCanceled => "selfTradeCanceled",
        OrderUpdateStatus.ReduceOnlyCanceled => "reduceOnlyCanceled",
        OrderUpdateStatus.ScheduledCancel => "scheduledCancel",
        OrderUpdateStatus.LiquidatedCanceled => "liquidatedCanceled",
        OrderUpdateStatus.MarginCanceled => "marginCanceled",
        OrderUpdateStatus.SiblingFilledCanceled => "siblingFilledCanceled",
        _ => "canceled",
    };

    private void OnOrderUpdate(in OrderUpdate update)
    {
        if (IsBuiltIn(update.Order.Account)) return;
        var record = new OrderRecord(update.Order, StatusText(update.Status), update.TsNs / 1_000_000);
        _orders[update.Order.Oid] = record;
        if (update.Order.Cloid is { } cloid) _cloids[(update.Order.Account, cloid)] = update.Order.Oid;
        _pendingOrders.Add(record);
        if (update.Status is OrderUpdateStatus.MarginCanceled or OrderUpdateStatus.LiquidatedCanceled
            or OrderUpdateStatus.ReduceOnlyCanceled or OrderUpdateStatus.SelfTradeCanceled)
            _pendingNonUserCancels.Add((update.Order.Account, update.Order.Coin, update.Order.Oid));
    }

    private void OnFill(in Fill fill)
    {
        long timeMs = fill.TsNs / 1_000_000;
        decimal px = FixedPoint.ToDecimal(fill.PxRaw);
        decimal sz = FixedPoint.ToDecimal(fill.SzRaw);
        string hash = HashOf(fill.TradeId);
        bool takerBuys = fill.TakerSide == OrderSide.Buy;
        string maker = fill.MakerAccount ?? "0x0000000000000000000000000000000000000000";
        _pendingTrades.Add(new TradeRecord(fill.Coin, takerBuys, px, sz, timeMs, hash, fill.TradeId,
            takerBuys ? fill.TakerAccount : maker, takerBuys ? maker : fill.TakerAccount));
        Candles.AddTrade(fill.Coin, px, sz, timeMs, _pendingCandles);

        decimal liquidationMark = fill.IsLiquidation ? FixedPoint.ToDecimal(Engine.GetMarkPxRaw(fill.Coin)) : 0m;
        decimal oiChange = OpenInterestChange(fill.TakerStartPositionRaw, takerBuys, fill.SzRaw);
        Record(fill.TakerAccount, fill.Coin, px, sz, takerBuys, timeMs, fill.TakerStartPositionRaw, fill.TakerClosedPnl, hash,
            fill.TakerOid, crossed: true, fill.TakerFee, fill.TradeId, fill.TakerCloid, fill.IsLiquidation ? liquidationMark : null);
        if (fill.MakerAccount is { } makerAccount)
        {
            oiChange += OpenInterestChange(fill.MakerStartPositionRaw, !takerBuys, fill.SzRaw);
            Record(makerAccount, fill.Coin, px, sz, !takerBuys, timeMs, fill.MakerStartPositionRaw, fill.MakerClosedPnl, hash,
                fill.MakerOid, crossed: false, fill.MakerFee, fill.TradeId, fill.MakerCloid, null);
        }
        _openInterest[fill.Coin] = Math.Max(0m, _openInterest.GetValueOrDefault(fill.Coin) + oiChange / 2);
    }

    private void Record(string user, string coin, decimal px, decimal sz, bool isBuy, long timeMs, long startRaw, decimal closedPnl,
        string hash, long oid, bool crossed, decimal fee, long tid, string? cloid, decimal? liquidationMark)
    {
        _volume[user] = _volume.GetValueOrDefault(user) + px * sz;
        if (IsBuiltIn(user)) return;
        decimal start = FixedPoint.ToDecimal(startRaw);
        var fill = new UserFill(user, coin, px, sz, isBuy, timeMs, start, UserFill.Direction(start, isBuy, sz), closedPnl, hash,
            oid, crossed, fee, tid, cloid, liquidationMark);
        if (!_fills.TryGetValue(user, out var list)) _fills[user] = list = [];
        list.Add(fill);
        if (list.Count > FillsKept) list.RemoveRange(0, list.Count - FillsKept);
        _pendingFills.Add(fill);
    }

    private void OnFunding(in FundingPayment payment)
    {
        if (IsBuiltIn(payment.Account)) return;
        long timeMs = payment.TsNs / 1_000_000;
        var funding = new UserFunding(timeMs, payment.Coin, payment.Usdc, FixedPoint.ToDecimal(payment.SziRaw), payment.Rate,
            HashOf(timeMs ^ payment.Account.GetHashCode()));
        if (!_userFundings.TryGetValue(payment.Account, out var list)) _userFundings[payment.Account] = list = [];
        list.Add(funding);
        _pendingFundingOwners.Add((payment.Account, funding));
    }

    private void OnLiquidation(in Liquidation liquidation)
    {
        if (IsBuiltIn(liquidation.Account)) return;
        _pendingLiquidations.Add(liquidation);
    }

    /// <summary>Change of |position| of one side, so that Σ|szi| / 2 is the open interest.</summary>
    private static decimal OpenInterestChange(long startRaw, bool isBuy, long szRaw)
    {
        long end = startRaw + (isBuy ? szRaw : -szRaw);
        return FixedPoint.ToDecimal(Math.Abs(end) - Math.Abs(startRaw));
    }

    private static string HashOf(long value)
    {
        Span<byte> input = stackalloc byte[8];
        BitConverter.TryWriteBytes(input, value);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return "0x" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Bridges the engine's callbacks to this exchange (they run under its gate).</summary>
    private sealed class EventSink(SimulatedExchange exchange) : IMatchingEventSink
    {
        public void OnOrderUpdate(in OrderUpdate update) => exchange.OnOrderUpdate(in update);
        public void OnFill(in Fill fill) => exchange.OnFill(in fill);
        public void OnFunding(in FundingPayment payment) => exchange.OnFunding(in payment);
        public void OnLiquidation(in Liquidation liquidation) => exchange.OnLiquidation(in liquidation);
    }
}
