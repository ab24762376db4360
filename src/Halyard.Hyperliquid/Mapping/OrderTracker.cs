using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Mapping;

/// <summary>
/// Turns everything the venue says about our orders (exchange responses, orderUpdates, fills, reconciliation) into
/// order events exactly once, whatever order the messages arrive in: a fill before the accept, a fill of the old
/// oid racing a modify, the cancel half of a modify, the same fill from WS and REST. Orders it does not track
/// (placed elsewhere, or before a restart) become status and fill reports for the execution engine to reconcile.
/// Thread-safe: responses and socket messages arrive on different threads.
/// </summary>
public sealed partial class OrderTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TrackedOrder> _byCloid = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, TrackedOrder> _byOid = new();
    private readonly HashSet<(long Tid, ulong Oid)> _seenFills = [];
    private readonly Func<MarketTable> _markets;
    private readonly Func<long> _nowNs;
    private readonly Action<object> _emit;
    private long _lastFillTimeMs;

    /// <param name="emit">Receives order events and reports, in the order they must be applied.</param>
    public OrderTracker(AccountId accountId, Func<MarketTable> markets, Func<long> nowNs, Action<object> emit)
    {
        AccountId = accountId;
        _markets = markets ?? throw new ArgumentNullException(nameof(markets));
        _nowNs = nowNs ?? throw new ArgumentNullException(nameof(nowNs));
        _emit = emit ?? throw new ArgumentNullException(nameof(emit));
    }

    public AccountId AccountId { get; }

    /// <summary>Venue time (ms) of the newest fill seen; reconciliation asks for fills since then.</summary>
    public long LastFillTimeMs { get { lock (_gate) return _lastFillTimeMs; } }

    /// <summary>Fills ignored because they had been seen before (WS and REST overlap, snapshots after reconnect).</summary>
    public long DuplicateFills { get; private set; }

    /// <summary>Starts tracking an order about to be sent; its cloid is fixed by its client order id.</summary>
    public TrackedOrder Track(Order order, HyperliquidMarket market)
    {
        lock (_gate)
        {
            string cloid = order.ClientOrderId.ToCloidHex();
            if (_byCloid.TryGetValue(cloid, out TrackedOrder? existing)) return existing;
            var tracked = new TrackedOrder(order, market, cloid);
            _byCloid[cloid] = tracked;
            return tracked;
        }
    }

    public TrackedOrder? Find(ClientOrderId id)
    {
        lock (_gate) return _byCloid.GetValueOrDefault(id.ToCloidHex());
    }

    public TrackedOrder? FindByOid(ulong oid)
    {
        lock (_gate) return _byOid.GetValueOrDefault(oid);
    }

    public IReadOnlyList<TrackedOrder> OpenOrders()
    {
        lock (_gate) return _byCloid.Values.Where(o => !o.IsClosed).ToList();
    }

    /// <summary>The exchange's answer to placing <paramref name="order"/>.</summary>
    public void OnSubmitResponse(TrackedOrder order, VenueOrderStatus status, long tsEventNs)
    {
        lock (_gate)
        {
            switch (status.Kind)
            {
                case VenueOrderStatusKind.Resting:
                case VenueOrderStatusKind.Filled:
                    // A fill or order update may already have accepted it; accept once.
                    Accept(order, status.Oid, tsEventNs);
                    break;
                case VenueOrderStatusKind.Waiting:
                    break; // the oid comes with the order update
                case VenueOrderStatusKind.Error:
                    Reject(order, status.Error ?? "rejected by the venue", tsEventNs);
                    break;
            }
        }
    }

    /// <summary>The whole request failed (bad signature, nonce, pre-validation): the order was not placed.</summary>
    public void OnSubmitFailed(TrackedOrder order, string reason, long tsEventNs)
    {
        lock (_gate) Reject(order, reason, tsEventNs);
    }

    private void Accept(TrackedOrder order, ulong oid, long tsEventNs)
    {
        if (order.IsAccepted || order.IsClosed) { AdoptOid(order, oid); return; }
        AdoptOid(order, oid);
        order.IsAccepted = true;
        order.VenueSize = order.Quantity.ToDecimal() - order.Filled;
        _emit(new OrderAccepted(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId,
            new VenueOrderId(Id(oid)), AccountId, Guid.NewGuid(), tsEventNs, _nowNs()));
    }

    private void Reject(TrackedOrder order, string reason, long tsEventNs)
    {
        if (order.IsAccepted || order.IsClosed) return;
        order.IsClosed = true;
        _emit(new OrderRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId,
            reason, Guid.NewGuid(), tsEventNs, _nowNs()));
    }

    private void AdoptOid(TrackedOrder order, ulong oid)
    {
        if (oid == 0) return;
        if (order.Oid is null) order.Oid = oid;
        order.Oids.Add(oid);
        _byOid[oid] = order;
    }

    private void Close(TrackedOrder order) => order.IsClosed = true;

    internal static string Id(ulong oid) => oid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private TrackedOrder? Lookup(string? cloid, ulong oid)
    {
        if (cloid is not null && _byCloid.TryGetValue(cloid.ToLowerInvariant(), out TrackedOrder? byCloid)) return byCloid;
        return _byOid.GetValueOrDefault(oid);
    }

    private bool TryInstrument(string coin, out HyperliquidMarket market) => _markets().TryGetByCoin(coin, out market);

    private static long MsToNs(long ms) => ms * 1_000_000L;

    /// <summary>
    /// The venue's view of one order as a report (queries, reconciliation). For an order we track, quantity and
    /// filled size are the whole order's, not the live venue order's (a modify re-places only the remainder).
    /// </summary>
    public OrderStatusReport? ToReport(VenueOrderUpdate update)
    {
        OrderStatusReport? report = ExternalReport(update);
        if (report is null) return null;
        lock (_gate)
        {
            if (Lookup(update.Cloid, update.Oid) is not { } order) return report;
            Instrument i = order.Market.Instrument;
            Quantity leaves = Quantity.FromDecimal(update.Size, i.SizePrecision, RoundingDirection.Nearest);
            bool open = report.IsOpen;
            // What is left at the venue is the live oid's size; everything else of the order has filled.
            Quantity filled = Quantity.FromRaw(Math.Max(0, order.Quantity.Raw - leaves.Raw), i.SizePrecision);
            return report with
            {
                OrderType = order.OrderType,
                TimeInForce = order.TimeInForce,
                PostOnly = order.PostOnly,
                Quantity = order.Quantity,
                FilledQty = filled,
                Status = open ? (filled.Raw > 0 ? OrderStatus.PartiallyFilled : report.Status) : report.Status,
            };
        }
    }

    /// <summary>A report for an order we do not track, so the engine can reconcile it.</summary>
    private OrderStatusReport? ExternalReport(VenueOrderUpdate update)
    {
        if (!TryInstrument(update.Coin, out HyperliquidMarket market)) return null;
        Instrument i = market.Instrument;
        var quantity = Quantity.FromDecimal(update.OrigSize, i.SizePrecision, RoundingDirection.Nearest);
        var leaves = Quantity.FromDecimal(update.Size, i.SizePrecision, RoundingDirection.Nearest);
        OrderStatus status = ReportStatus(update.Status, quantity, leaves);
        return new OrderStatusReport(AccountId, i.Id,
            update.Cloid is { } c && ClientOrderId.IsCloidHex(c) ? ClientOrderId.FromCloidHex(c) : null,
            new VenueOrderId(Id(update.Oid)), update.IsBuy ? OrderSide.Buy : OrderSide.Sell,
            OrderTypeOf(update), TimeInForce.Gtc, status, quantity,
            Quantity.FromRaw(Math.Max(0, quantity.Raw - leaves.Raw), i.SizePrecision),
            update.LimitPrice > 0 ? Price.FromDecimal(update.LimitPrice, i.PricePrecision, RoundingDirection.Nearest) : null,
            update.TriggerPrice is > 0 ? Price.FromDecimal(update.TriggerPrice.Value, i.PricePrecision, RoundingDirection.Nearest) : null,
            null, update.ReduceOnly, false, MsToNs(update.PlacedTimeMs), MsToNs(update.StatusTimeMs), _nowNs())
        { Reason = status is OrderStatus.Rejected or OrderStatus.Canceled ? update.Status : null };
    }

    internal static OrderStatus ReportStatus(string venueStatus, Quantity quantity, Quantity leaves) => venueStatus switch
    {
        "open" => leaves.Raw < quantity.Raw ? OrderStatus.PartiallyFilled : OrderStatus.Accepted,
        "triggered" => OrderStatus.Triggered,
        "filled" => OrderStatus.Filled,
        "rejected" => OrderStatus.Rejected,
        _ when venueStatus.EndsWith("Rejected", StringComparison.Ordinal) => OrderStatus.Rejected,
        _ => OrderStatus.Canceled, // canceled, scheduledCancel, marginCanceled, … and anything new
    };

    private static OrderType OrderTypeOf(VenueOrderUpdate update) => update.OrderTypeName switch
    {
        "Stop Market" => OrderType.StopMarket,
        "Stop Limit" => OrderType.StopLimit,
        "Take Profit Market" => OrderType.MarketIfTouched,
        "Take Profit Limit" => OrderType.LimitIfTouched,
        "Market" => OrderType.Market,
        _ => OrderType.Limit,
    };
}
