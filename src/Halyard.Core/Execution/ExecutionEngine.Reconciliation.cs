using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Execution;

public sealed partial class ExecutionEngine
{
    private int _eventsGenerated;
    private int _fillsInferred;
    private int _externalCreated;
    private bool _inReconciliation;
    private readonly Dictionary<InstrumentId, long> _lastLiveFillNs = [];

    /// <summary>
    /// Orders submitted more recently than this are left alone when the venue does not list them yet
    /// (the venue may simply not have answered).
    /// </summary>
    public long InflightGraceNs { get; set; } = 5_000_000_000;

    /// <summary>
    /// Brings the cache to the venue's truth: accepts, fills, updates and terminal states the cache missed
    /// become events (applied and published like live ones); orders the venue has that we do not become
    /// EXTERNAL orders; a position gap left after that is closed with an inferred EXTERNAL fill. Generates
    /// only events — nothing is ever sent to the venue — and running it twice changes nothing the second time.
    /// </summary>
    public ReconciliationResult Reconcile(ExecutionMassStatus mass)
    {
        ArgumentNullException.ThrowIfNull(mass);
        _inReconciliation = true;
        try
        {
            return ReconcileCore(mass);
        }
        finally
        {
            _inReconciliation = false;
        }
    }

    private ReconciliationResult ReconcileCore(ExecutionMassStatus mass)
    {
        _eventsGenerated = _fillsInferred = _externalCreated = 0;
        var fillsByVenueOrder = mass.FillReports.OrderBy(f => f.TsEvent).GroupBy(f => f.VenueOrderId).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<ClientOrderId>();

        foreach (OrderStatusReport report in mass.OrderReports.OrderBy(r => r.TsAccepted))
        {
            List<FillReport> fills = fillsByVenueOrder.Remove(report.VenueOrderId, out var f) ? f : [];
            if (ReconcileOrder(report, fills) is Order order) seen.Add(order.ClientOrderId);
        }

        // Fills of orders the venue no longer lists (done and gone from its open orders).
        foreach (var (venueOrderId, fills) in fillsByVenueOrder)
        {
            Order? order = FindOrder(fills[0].ClientOrderId, venueOrderId) ?? CreateExternalOrder(fills);
            if (order is null) continue;
            seen.Add(order.ClientOrderId);
            ApplyMissingFills(order, fills);
        }

        if (mass.ListsAllOpenOrders) CloseOrdersTheVenueDoesNotList(mass, seen);
        int aligned = AlignPositions(mass);
        var result = new ReconciliationResult(mass.OrderReports.Count, _externalCreated, _eventsGenerated, _fillsInferred, aligned);
        if (result.WasInSync) _log.LogInformation("Reconciliation with {Venue}: in sync ({Orders} orders)", mass.Venue, result.OrdersChecked);
        else _log.LogWarning("Reconciliation with {Venue}: {Result}", mass.Venue, result);
        return result;
    }

    /// <summary>
    /// Only an order type with a limit price can disagree on it: a venue may report a worst price for a stop-market or
    /// take-profit-market order (Hyperliquid does), which is not a change of ours.
    /// </summary>
    private static bool LimitPriceDiffers(Order order, OrderStatusReport report) =>
        Order.HasLimitPrice(order.OrderType) && report.Price != order.Price;

    /// <summary>Reconciles one order against a venue report (a query answer, or a status push from a client).</summary>
    public Order? Process(OrderStatusReport report) => ReconcileOrder(report, []);

    /// <summary>Applies one venue fill report unless the order already has that trade.</summary>
    public void Process(FillReport fill)
    {
        Order? order = FindOrder(fill.ClientOrderId, fill.VenueOrderId);
        if (order is null)
        {
            _log.LogWarning("Fill report {TradeId} for unknown order {VenueOrderId} dropped", fill.TradeId, fill.VenueOrderId);
            return;
        }
        ApplyMissingFills(order, [fill]);
    }

    private Order? FindOrder(ClientOrderId? clientOrderId, VenueOrderId venueOrderId)
    {
        if (clientOrderId is ClientOrderId id && FindOrder(id) is Order byClientId) return byClientId;
        return _cache.ClientOrderIdFor(venueOrderId) is ClientOrderId mapped ? _cache.Order(mapped) : null;
    }

    private Order? ReconcileOrder(OrderStatusReport report, List<FillReport> fills)
    {
        Order? order = FindOrder(report.ClientOrderId, report.VenueOrderId) ?? CreateExternalOrder(report);
        if (order is null) return null;
        long ts = report.TsLast;
        AccountId account = report.AccountId;

        if (order.Status == OrderStatus.Initialized)
            Generate(new OrderSubmitted(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, account, _newId(), report.TsAccepted, _clock.UtcNowNs));
        if (report.Status == OrderStatus.Rejected)
        {
            if (order.Status == OrderStatus.Submitted)
                Generate(new OrderRejected(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, account, report.Reason ?? "rejected by the venue", _newId(), ts, _clock.UtcNowNs));
            return order;
        }
        if (order.VenueOrderId is null || order.Status == OrderStatus.Submitted)
            Generate(new OrderAccepted(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account, _newId(), report.TsAccepted, _clock.UtcNowNs));

        ApplyMissingFills(order, fills);
        InferMissingFill(order, report);

        if (report.IsOpen && order.IsOpen && order.Status != OrderStatus.PendingCancel
            && (report.Quantity != order.Quantity || LimitPriceDiffers(order, report) || report.TriggerPrice != order.TriggerPrice))
        {
            if (order.Status != OrderStatus.PendingUpdate)
                Generate(new OrderPendingUpdate(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account, _newId(), ts, _clock.UtcNowNs));
            Generate(new OrderUpdated(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account,
                report.Quantity, report.Price, report.TriggerPrice, _newId(), ts, _clock.UtcNowNs));
        }
        if (report.Status == OrderStatus.Triggered && !order.IsTriggered && order.HasTrigger)
            Generate(new OrderTriggered(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account, _newId(), ts, _clock.UtcNowNs));
        if (!order.IsClosed)
        {
            if (report.Status == OrderStatus.Canceled)
                Generate(new OrderCanceled(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account, _newId(), ts, _clock.UtcNowNs));
            else if (report.Status == OrderStatus.Expired)
                Generate(new OrderExpired(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, account, _newId(), ts, _clock.UtcNowNs));
        }
        else if (report.IsOpen)
        {
            _log.LogWarning("Venue lists {ClientOrderId} as open but it is {Status} here; left as is", order.ClientOrderId, order.Status);
        }
        return order;
    }

    private void ApplyMissingFills(Order order, IEnumerable<FillReport> fills)
    {
        foreach (FillReport fill in fills)
        {
            if (order.TradeIds.Contains(fill.TradeId)) continue;
            if (order.Status == OrderStatus.Initialized)
                Generate(new OrderSubmitted(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, fill.AccountId, _newId(), fill.TsEvent, _clock.UtcNowNs));
            Generate(new OrderFilled(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, fill.VenueOrderId, fill.AccountId, fill.TradeId,
                null, order.Side, order.OrderType, fill.LastQty, fill.LastPx, fill.Commission.Currency, fill.Commission, fill.LiquiditySide,
                _newId(), fill.TsEvent, _clock.UtcNowNs));
        }
    }

    /// <summary>When the venue reports more filled than the fills we know, the rest becomes one fill at the price that makes the average match.</summary>
    private void InferMissingFill(Order order, OrderStatusReport report)
    {
        long missingRaw = report.FilledQty.Raw - order.FilledQty.Raw;
        if (missingRaw <= 0) return;
        Instrument? instrument = _cache.Instrument(order.InstrumentId);
        var missing = Quantity.FromRaw(missingRaw, order.Quantity.Precision);
        decimal venueAvg = report.AvgPx ?? report.Price?.ToDecimal() ?? order.Price?.ToDecimal() ?? 0m;
        decimal knownNotional = (order.AvgPx ?? 0m) * order.FilledQty.ToDecimal();
        decimal px = (venueAvg * report.FilledQty.ToDecimal() - knownNotional) / missing.ToDecimal();
        if (px <= 0)
        {
            _log.LogError("Cannot infer the missing fill of {ClientOrderId}: no usable price in the venue report", order.ClientOrderId);
            return;
        }
        byte precision = instrument?.PricePrecision ?? report.Price?.Precision ?? FixedPoint.Scale;
        Price lastPx = Price.FromDecimal(px, precision, RoundingDirection.Nearest);
        var tradeId = new TradeId($"INFERRED-{report.VenueOrderId}-{report.FilledQty.Raw}");
        Currency currency = instrument?.QuoteCurrency ?? Currency.Usd;
        _fillsInferred++;
        _log.LogWarning("Inferred fill of {Qty} @ {Px} for {ClientOrderId} (venue reports {VenueFilled} filled)", missing, lastPx, order.ClientOrderId, report.FilledQty);
        Generate(new OrderFilled(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, report.VenueOrderId, report.AccountId, tradeId,
            null, order.Side, order.OrderType, missing, lastPx, currency, Money.Zero(currency), LiquiditySide.NoLiquiditySide, _newId(), report.TsLast, _clock.UtcNowNs));
    }

    private void CloseOrdersTheVenueDoesNotList(ExecutionMassStatus mass, HashSet<ClientOrderId> seen)
    {
        long now = _clock.UtcNowNs;
        var candidates = _cache.OrdersOpen().Concat(_cache.OrdersInflight()).Distinct()
            .Where(o => o.InstrumentId.Venue == mass.Venue && !seen.Contains(o.ClientOrderId)).ToList();
        foreach (Order order in candidates)
        {
            if (now - order.TsLast < InflightGraceNs) continue;
            AccountId account = order.AccountId ?? mass.AccountId;
            if (order.Status == OrderStatus.Submitted)
                Generate(new OrderRejected(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, account,
                    "not found at the venue during reconciliation", _newId(), now, now));
            else
                Generate(new OrderCanceled(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, account, _newId(), now, now));
        }
    }

    private void Generate(IOrderEvent orderEvent)
    {
        if (Process(orderEvent)) _eventsGenerated++;
    }
}
