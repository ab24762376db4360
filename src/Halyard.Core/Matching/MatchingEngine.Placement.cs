using Halyard.Core.Model;

namespace Halyard.Core.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// Places one order at <paramref name="tsNs"/>. GTC/ALO remainders rest; an IOC remainder is cancelled;
    /// a trigger order waits for the mark. A GTC that fills in part and rests answers <c>resting</c>.
    /// </summary>
    public PlaceResult Place(in MatchingOrder order, long tsNs)
    {
        PlaceResult result = PlaceCore(in order, tsNs);
        if (_deferred.Count > 0) RunDeferred(tsNs);
        return result;
    }

    private PlaceResult PlaceCore(in MatchingOrder order, long tsNs)
    {
        if (!_markets.TryGetValue(order.Coin, out Market? market)) return PlaceResult.Rejected(MatchingErrors.UnknownCoin(order.Coin));
        if (Validate(market, in order) is { } error) return PlaceResult.Rejected(error);
        MarginAccount account = Ledger.GetOrCreate(order.Account);
        if (order.Cloid is not null && account.ByCloid is { } byCloid && byCloid.ContainsKey(order.Cloid))
            return PlaceResult.Rejected(MatchingErrors.DuplicateCloid);
        return PlaceNew(market, account, in order, order.Cloid, tsNs);
    }

    private PlaceResult PlaceNew(Market market, MarginAccount account, in MatchingOrder order, string? cloid, long tsNs)
    {
        bool mayRest = order.Tif != MatchingTif.Ioc || order.Trigger.HasValue;
        if (mayRest && account.OpenOrderCount >= _options.MaxOpenOrdersPerAccount)
            return PlaceResult.Rejected(MatchingErrors.TooManyOpenOrders);

        RestingOrder o = Rent();
        o.Oid = _nextOid++;
        o.Cloid = cloid;
        o.Account = account;
        o.Market = market;
        o.Side = order.Side;
        o.PxRaw = order.PxRaw;
        o.SzRaw = order.SzRaw;
        o.OrigSzRaw = order.SzRaw;
        o.Tif = order.Tif;
        o.ReduceOnly = order.ReduceOnly;
        o.TimestampNs = tsNs;
        o.Trigger = order.Trigger;
        o.IsTriggered = false;

        if (o.Trigger.HasValue)
        {
            // Waits off-book; reduce-only and margin are checked when it fires.
            market.Triggers.Add(o);
            account.AddOrder(o);
            _ordersByOid.Add(o.Oid, o);
            Emit(o, OrderUpdateStatus.Open, tsNs);
            return PlaceResult.WaitingForTrigger(o.Oid, o.Cloid);
        }
        return Execute(o, tsNs, out _);
    }

    /// <summary>Checks that depend only on the order and the instrument (tick, lot, minimum value).</summary>
    private static string? Validate(Market market, in MatchingOrder order)
    {
        if (order.Side is not (OrderSide.Buy or OrderSide.Sell))
            throw new ArgumentOutOfRangeException(nameof(order), order.Side, "order side must be Buy or Sell");
        CryptoPerpetual instrument = market.Instrument;
        if (order.PxRaw <= 0 || instrument.PriceError(Price.FromRaw(order.PxRaw, instrument.PricePrecision)) is not null)
            return MatchingErrors.PriceTick;
        if (order.SzRaw <= 0 || instrument.SizeError(Quantity.FromRaw(order.SzRaw, instrument.SizePrecision)) is not null)
            return MatchingErrors.InvalidSize;
        if (order.Trigger is { } trigger &&
            (trigger.TriggerPxRaw <= 0 || instrument.PriceError(Price.FromRaw(trigger.TriggerPxRaw, instrument.PricePrecision)) is not null))
            return MatchingErrors.InvalidTriggerPx;
        if (!order.ReduceOnly && FixedMath.RawNotional(order.SzRaw, order.PxRaw) < market.MinNotionalWad)
            return MatchingErrors.MinimumValue(instrument.MinNotional);
        return null;
    }

    /// <summary>
    /// Runs a live (non-waiting) order: reduce-only clamp, post-only and margin checks, matching, then
    /// rest or cancel the remainder. The node is owned by this call: it rests or goes back to the pool.
    /// </summary>
    /// <param name="rejectStatus">For an order that was already live (triggered), the update status that ends it.</param>
    private PlaceResult Execute(RestingOrder o, long tsNs, out OrderUpdateStatus rejectStatus)
    {
        Market market = o.Market;
        MarginAccount account = o.Account;
        rejectStatus = OrderUpdateStatus.Canceled;

        if (o.ReduceOnly)
        {
            long szi = account.Find(market)?.SziRaw ?? 0;
            long reducible = o.IsBuy ? -szi : szi;
            if (reducible <= 0)
            {
                rejectStatus = OrderUpdateStatus.ReduceOnlyCanceled;
                return Reject(o, MatchingErrors.ReduceOnlyIncrease);
            }
            if (o.SzRaw > reducible) o.SzRaw = o.OrigSzRaw = reducible;
        }

        MatchingBookSide opposite = market.Book.OppositeOf(o.Side);
        if (o.Tif == MatchingTif.Alo && opposite.Best is { } best && Crosses(o, best.PxRaw))
        {
            return Reject(o, MatchingErrors.PostOnlyWouldMatch(
                FormatBest(market.Book.Bids), FormatBest(market.Book.Asks)));
        }

        MarginPosition? position = null;
        if (!o.ReduceOnly)
        {
            position = account.Get(market, Ledger.DefaultLeverage);
            Int128 notional = FixedMath.RawNotional(o.SzRaw, o.PxRaw);
            Int128 required = o.IsBuy
                ? MarginLedger.RequiredMarginWad(account, position, notional, 0)
                : MarginLedger.RequiredMarginWad(account, position, 0, notional);
            if (required > MarginLedger.AccountValueWad(account))
            {
                rejectStatus = OrderUpdateStatus.MarginCanceled;
                return Reject(o, MatchingErrors.InsufficientMargin);
            }
        }

        long filledSz = 0;
        Int128 filledNotional = 0;
        Match(o, opposite, tsNs, ref filledSz, ref filledNotional);

        long oid = o.Oid;
        string? cloid = o.Cloid;
        if (o.SzRaw == 0)
        {
            Finish(o, OrderUpdateStatus.Filled, tsNs);
            return PlaceResult.Filled(oid, cloid, filledSz, AveragePx(filledNotional, filledSz));
        }
        if (o.Tif == MatchingTif.Ioc)
        {
            if (filledSz == 0) return Reject(o, MatchingErrors.IocNoMatch);
            Finish(o, OrderUpdateStatus.Canceled, tsNs);
            return PlaceResult.Filled(oid, cloid, filledSz, AveragePx(filledNotional, filledSz));
        }

        // Rest the remainder.
        market.Book.SideOf(o.Side).GetOrAdd(o.PxRaw).Append(o);
        if (position is not null) Reserve(position, o, o.SzRaw);
        if (!o.IsTriggered) // a triggered order is already counted and indexed
        {
            account.AddOrder(o);
            _ordersByOid.Add(oid, o);
        }
        Emit(o, OrderUpdateStatus.Open, tsNs);
        return PlaceResult.Resting(oid, cloid);
    }

    private static bool Crosses(RestingOrder taker, long makerPxRaw) =>
        taker.IsBuy ? makerPxRaw <= taker.PxRaw : makerPxRaw >= taker.PxRaw;

    private static string FormatBest(MatchingBookSide side) => side.Best is { } level ? FixedMath.Format(level.PxRaw) : "None";

    private static decimal AveragePx(Int128 notionalRaw, long szRaw) =>
        Math.Round(FixedMath.FromRawNotional(notionalRaw) / FixedMath.ToDecimal(szRaw), FixedPoint.Scale, MidpointRounding.ToEven);

    /// <summary>Rejects an order before it rested (a triggered order also leaves its account's order list).</summary>
    private PlaceResult Reject(RestingOrder o, string error)
    {
        OnOrderGone(o, filled: false);
        if (o.IsTriggered)
        {
            o.Account.RemoveOrder(o);
            _ordersByOid.Remove(o.Oid);
        }
        Release(o);
        return PlaceResult.Rejected(error);
    }

    /// <summary>Ends an order that never rested (filled, or IOC remainder cancelled).</summary>
    private void Finish(RestingOrder o, OrderUpdateStatus status, long tsNs)
    {
        OnOrderGone(o, filled: o.SzRaw < o.OrigSzRaw);
        if (o.IsTriggered)
        {
            o.Account.RemoveOrder(o);
            _ordersByOid.Remove(o.Oid);
        }
        Emit(o, status, tsNs);
        Release(o);
    }

    private static void Reserve(MarginPosition position, RestingOrder o, long szRaw)
    {
        Int128 notional = FixedMath.RawNotional(szRaw, o.PxRaw);
        if (o.IsBuy) position.BuyOrdersNtlRaw += notional;
        else position.SellOrdersNtlRaw += notional;
    }

    /// <summary>Releases the margin reservation of <paramref name="szRaw"/> of a resting order.</summary>
    private static void Unreserve(RestingOrder o, long szRaw)
    {
        if (o.ReduceOnly || szRaw == 0) return;
        MarginPosition position = o.Account.Find(o.Market)!;
        Int128 notional = FixedMath.RawNotional(szRaw, o.PxRaw);
        if (o.IsBuy) position.BuyOrdersNtlRaw -= notional;
        else position.SellOrdersNtlRaw -= notional;
    }
}
