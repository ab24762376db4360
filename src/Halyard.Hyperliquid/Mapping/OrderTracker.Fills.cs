using Halyard.Core.Execution;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Mapping;

public sealed partial class OrderTracker
{
    /// <summary>
    /// One own fill, from any source. Applied once per (tid, oid). Returns a correction when a fill of a
    /// replaced oid means the live venue order could now over-fill the order.
    /// </summary>
    /// <param name="fromSnapshot">Part of a snapshot (reconnect, reconciliation): fills of orders we do not track
    /// are reported only when newer than what we have seen, so a restart does not replay history.</param>
    public VenueCorrection? OnFill(VenueFill fill, bool fromSnapshot = false)
    {
        lock (_gate)
        {
            if (!_seenFills.Add((fill.Tid, fill.Oid))) { DuplicateFills++; return null; }
            bool newer = fill.TimeMs > _lastFillTimeMs;
            if (newer) _lastFillTimeMs = fill.TimeMs;

            TrackedOrder? order = Lookup(fill.Cloid, fill.Oid);
            if (order is null)
            {
                if ((!fromSnapshot || newer) && ExternalFill(fill) is { } report) _emit(report);
                return null;
            }

            long ts = MsToNs(fill.TimeMs);
            if (!order.IsAccepted && !order.IsClosed) Accept(order, fill.Oid, ts); // the fill outran the exchange's answer
            AdoptOid(order, fill.Oid);
            if (order.Pending is { OldOid: ulong old } && fill.Oid != old && !order.ReplacedOids.Contains(fill.Oid) && order.Oid == old)
                CompleteModify(order, fill.Oid, ts); // the replacement filled before its own acknowledgement arrived

            Instrument i = order.Market.Instrument;
            var qty = Quantity.FromDecimal(fill.Size, i.SizePrecision, RoundingDirection.Nearest);
            var px = Price.FromDecimal(fill.Price, i.PricePrecision, RoundingDirection.Nearest);
            decimal total = order.Filled + fill.Size;
            if (total > order.Quantity.ToDecimal())
            {
                // The venue filled more than we asked (a race we could not correct in time). Its fills are the
                // truth for the position, so grow the order rather than drop the fill.
                order.Quantity = Quantity.FromDecimal(total, i.SizePrecision, RoundingDirection.Nearest);
                _emit(new OrderUpdated(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
                    order.Oid is ulong o ? new VenueOrderId(Id(o)) : null, AccountId, order.Quantity, order.Price, order.TriggerPrice,
                    Guid.NewGuid(), ts, _nowNs()));
            }
            order.Filled = total;
            if (fill.Oid == order.Oid) order.FilledOnLiveOid += fill.Size;
            if (order.Filled >= order.Quantity.ToDecimal()) { Close(order); order.Pending = null; }

            _emit(new OrderFilled(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
                new VenueOrderId(Id(fill.Oid)), AccountId, new TradeId(fill.Tid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                null, order.Side, order.OrderType, qty, px, i.QuoteCurrency,
                new Money(fill.Fee, FeeCurrency(fill.FeeToken)), fill.Crossed ? LiquiditySide.Taker : LiquiditySide.Maker,
                Guid.NewGuid(), ts, _nowNs()));

            return CheckOverfill(order);
        }
    }

    /// <summary>Marks fills as seen without emitting them (e.g. fills the engine already applied from reports).</summary>
    public void MarkSeen(long tid, ulong oid, long timeMs)
    {
        lock (_gate)
        {
            _seenFills.Add((tid, oid));
            if (timeMs > _lastFillTimeMs) _lastFillTimeMs = timeMs;
        }
    }

    /// <summary>
    /// What can still fill is the live venue order's unfilled size; with the fills already counted it must not
    /// exceed the order quantity. If a late fill of a replaced oid broke that, shrink (or cancel) the live order.
    /// </summary>
    private VenueCorrection? CheckOverfill(TrackedOrder order)
    {
        if (order.Oid is not ulong live || order.Pending is not null) return null;
        // Closed by a cancel or reject: nothing is live. Closed by fills on a replaced oid: the live one must go.
        if (order.IsClosed && order.Filled < order.Quantity.ToDecimal()) return null;
        decimal liveLeft = order.VenueSize - order.FilledOnLiveOid;
        if (liveLeft <= 0m) return null;
        decimal allowed = order.Quantity.ToDecimal() - order.Filled;
        if (liveLeft <= allowed) return null;
        return new VenueCorrection(order, live, Math.Max(0m, allowed));
    }

    /// <summary>A fill as a report for reconciliation (the engine finds the order by trade, cloid or venue id).</summary>
    public FillReport? ToFillReport(VenueFill fill) => ExternalFill(fill);

    private FillReport? ExternalFill(VenueFill fill)
    {
        if (!TryInstrument(fill.Coin, out HyperliquidMarket market)) return null;
        Instrument i = market.Instrument;
        return new FillReport(AccountId, i.Id, new VenueOrderId(Id(fill.Oid)),
            fill.Cloid is { } c && ClientOrderId.IsCloidHex(c) ? ClientOrderId.FromCloidHex(c) : null,
            new TradeId(fill.Tid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            fill.IsBuy ? OrderSide.Buy : OrderSide.Sell,
            Quantity.FromDecimal(fill.Size, i.SizePrecision, RoundingDirection.Nearest),
            Price.FromDecimal(fill.Price, i.PricePrecision, RoundingDirection.Nearest),
            new Money(fill.Fee, FeeCurrency(fill.FeeToken)), fill.Crossed ? LiquiditySide.Taker : LiquiditySide.Maker,
            MsToNs(fill.TimeMs), _nowNs());
    }

    private static Currency FeeCurrency(string token) =>
        token is "USDC" or "" ? Currency.Usdc : new Currency(token, 8);
}
