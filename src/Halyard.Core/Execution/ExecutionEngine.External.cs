using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Execution;

public sealed partial class ExecutionEngine
{
    /// <summary>An order found at the venue that we did not place (or no longer remember): owned by <see cref="StrategyId.External"/>.</summary>
    private Order? CreateExternalOrder(OrderStatusReport report)
    {
        OrderType type = report.OrderType;
        bool hasPrice = type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitIfTouched;
        bool hasTrigger = type is not (OrderType.Market or OrderType.Limit);
        return CreateExternal(new OrderInitialized
        {
            TraderId = TraderId,
            StrategyId = StrategyId.External,
            InstrumentId = report.InstrumentId,
            ClientOrderId = report.ClientOrderId ?? new ClientOrderId($"EXT-{report.VenueOrderId}"),
            Side = report.Side,
            OrderType = type,
            Quantity = report.Quantity,
            Price = hasPrice ? report.Price : null,
            TriggerPrice = hasTrigger ? report.TriggerPrice : null,
            TimeInForce = report.TimeInForce == TimeInForce.Gtd ? TimeInForce.Gtc : report.TimeInForce,
            PostOnly = hasPrice && report.PostOnly,
            ReduceOnly = report.ReduceOnly,
            EventId = _newId(),
            TsInit = report.TsAccepted,
        });
    }

    /// <summary>An order known only from its fills: a market order of their total size.</summary>
    private Order? CreateExternalOrder(List<FillReport> fills)
    {
        FillReport first = fills[0];
        long total = fills.Sum(f => f.LastQty.Raw);
        return CreateExternal(new OrderInitialized
        {
            TraderId = TraderId,
            StrategyId = StrategyId.External,
            InstrumentId = first.InstrumentId,
            ClientOrderId = first.ClientOrderId ?? new ClientOrderId($"EXT-{first.VenueOrderId}"),
            Side = first.Side,
            OrderType = OrderType.Market,
            Quantity = Quantity.FromRaw(total, first.LastQty.Precision),
            TimeInForce = TimeInForce.Ioc,
            EventId = _newId(),
            TsInit = first.TsEvent,
        });
    }

    private Order? CreateExternal(OrderInitialized init)
    {
        string? error = Order.ValidationError(init)?.Message;
        if (error is not null)
        {
            _log.LogError("Venue order {ClientOrderId} cannot be represented here: {Error}", init.ClientOrderId, error);
            return null;
        }
        var order = new Order(init);
        if (!_cache.AddOrder(order)) return _cache.Order(init.ClientOrderId);
        _externalCreated++;
        _log.LogWarning("External order {Order} found at the venue", order);
        PublishOrderEvent(init);
        return order;
    }

    /// <summary>
    /// After orders and fills are reconciled, any gap between our net position and the venue's is closed by
    /// an inferred EXTERNAL fill at the venue's entry price (or the current price), so the totals agree.
    /// </summary>
    private int AlignPositions(ExecutionMassStatus mass)
    {
        var reported = mass.PositionReports.ToDictionary(p => p.InstrumentId);
        IEnumerable<InstrumentId> instruments = reported.Keys;
        if (mass.ListsAllPositions)
            instruments = instruments.Concat(_cache.PositionsOpen().Where(p => p.InstrumentId.Venue == mass.Venue).Select(p => p.InstrumentId));
        int aligned = 0;
        foreach (InstrumentId id in instruments.Distinct().OrderBy(i => i.ToString(), StringComparer.Ordinal))
        {
            if (_lastLiveFillNs.TryGetValue(id, out long lastFill) && lastFill > mass.TsInit)
            {
                // A fill arrived after the venue took its snapshot: the snapshot is stale for this instrument.
                _log.LogInformation("Position in {InstrumentId} not aligned: a fill arrived after the venue's snapshot", id);
                continue;
            }
            PositionStatusReport? report = reported.GetValueOrDefault(id);
            decimal gap = (report?.SignedQty ?? 0m) - _cache.NetPosition(id);
            if (gap == 0m) continue;
            Instrument? instrument = _cache.Instrument(id);
            Price? price = report?.AvgPxOpen is decimal avg && instrument is not null
                ? Price.FromDecimal(avg, instrument.PricePrecision, RoundingDirection.Nearest)
                : _cache.Price(id);
            if (instrument is null || price is not Price px || !px.IsPositive)
            {
                _log.LogError("Position in {InstrumentId} differs from the venue by {Gap} but cannot be aligned (no instrument or price)", id, gap);
                continue;
            }
            string tag = $"EXT-POS-{id}-{mass.TsInit}";
            Order? order = CreateExternal(new OrderInitialized
            {
                TraderId = TraderId,
                StrategyId = StrategyId.External,
                InstrumentId = id,
                ClientOrderId = new ClientOrderId(tag),
                Side = gap > 0 ? OrderSide.Buy : OrderSide.Sell,
                OrderType = OrderType.Market,
                Quantity = Quantity.FromDecimal(Math.Abs(gap), instrument.SizePrecision, RoundingDirection.Nearest),
                TimeInForce = TimeInForce.Ioc,
                EventId = _newId(),
                TsInit = mass.TsInit,
            });
            if (order is null || order.Status != OrderStatus.Initialized) continue;
            _log.LogWarning("Position in {InstrumentId} differs from the venue by {Gap}: aligning with an inferred fill @ {Price}", id, gap, px);
            var venueOrderId = new VenueOrderId(tag);
            Generate(new OrderSubmitted(TraderId, order.StrategyId, id, order.ClientOrderId, mass.AccountId, _newId(), mass.TsInit, _clock.UtcNowNs));
            Generate(new OrderAccepted(TraderId, order.StrategyId, id, order.ClientOrderId, venueOrderId, mass.AccountId, _newId(), mass.TsInit, _clock.UtcNowNs));
            Generate(new OrderFilled(TraderId, order.StrategyId, id, order.ClientOrderId, venueOrderId, mass.AccountId, new TradeId(tag), null,
                order.Side, OrderType.Market, order.Quantity, px, instrument.QuoteCurrency, Money.Zero(instrument.QuoteCurrency),
                LiquiditySide.NoLiquiditySide, _newId(), mass.TsInit, _clock.UtcNowNs));
            _fillsInferred++;
            aligned++;
        }
        return aligned;
    }
}
