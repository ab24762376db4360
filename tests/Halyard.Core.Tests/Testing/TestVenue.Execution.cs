using Halyard.Core.Execution;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Testing;

public sealed partial class TestVenue
{
    private sealed class VenueOrder(Order order, VenueOrderId venueOrderId, long sequence, long tsAccepted)
    {
        public TraderId TraderId { get; } = order.TraderId;
        public StrategyId StrategyId { get; } = order.StrategyId;
        public InstrumentId InstrumentId { get; } = order.InstrumentId;
        public ClientOrderId ClientOrderId { get; } = order.ClientOrderId;
        public VenueOrderId VenueOrderId { get; } = venueOrderId;
        public OrderSide Side { get; } = order.Side;
        public OrderType Type { get; } = order.OrderType;
        public TimeInForce TimeInForce { get; } = order.TimeInForce;
        public bool ReduceOnly { get; } = order.ReduceOnly;
        public bool PostOnly { get; } = order.PostOnly;
        public Quantity Quantity { get; set; } = order.Quantity;
        public Price? Price { get; set; } = order.Price;
        public Price? TriggerPrice { get; set; } = order.TriggerPrice;
        /// <summary>A stop or if-touched order whose trigger was crossed (a limit one now rests at its price).</summary>
        public bool Triggered { get; set; }
        public bool AwaitsTrigger => TriggerPrice is not null && !Triggered;
        public Quantity Filled { get; set; } = Quantity.Zero(order.Quantity.Precision);
        public decimal FilledNotional { get; set; }
        public OrderStatus Status { get; set; } = OrderStatus.Accepted;
        public long Sequence { get; } = sequence;
        public long TsAccepted { get; } = tsAccepted;
        public bool IsResting => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;
    }

    public void Submit(SubmitOrder command)
    {
        lock (_gate)
        {
            Record($"submit {command.Order.ClientOrderId}");
            Place(command.Order);
        }
    }

    public void SubmitList(SubmitOrderList command)
    {
        lock (_gate)
        {
            Record($"submit-list {command.Orders.Count}");
            foreach (Order order in command.Orders) Place(order);
        }
    }

    public void Cancel(CancelOrder command)
    {
        lock (_gate)
        {
            Record($"cancel {command.ClientOrderId}");
            CancelOne(command.ClientOrderId);
        }
    }

    public void CancelAll(CancelAllOrders command)
    {
        lock (_gate)
        {
            Record($"cancel-all {command.InstrumentId} ({command.Cancels.Count})");
            foreach (CancelOrder cancel in command.Cancels) CancelOne(cancel.ClientOrderId);
        }
    }

    public void BatchCancel(BatchCancelOrders command)
    {
        lock (_gate)
        {
            Record($"batch-cancel {command.Cancels.Count}");
            foreach (CancelOrder cancel in command.Cancels) CancelOne(cancel.ClientOrderId);
        }
    }

    public void Modify(ModifyOrder command)
    {
        lock (_gate)
        {
            Record($"modify {command.ClientOrderId}");
            long now = _clock();
            if (!_orders.TryGetValue(command.ClientOrderId, out VenueOrder? order) || !order.IsResting || RejectModifies)
            {
                PostEvent(new OrderModifyRejected(command.TraderId, command.StrategyId, command.InstrumentId, command.ClientOrderId,
                    command.VenueOrderId, AccountId, RejectModifies ? "modify refused by the venue" : "order is not open", Guid.NewGuid(), now, now));
                return;
            }
            order.Quantity = command.Quantity ?? order.Quantity;
            order.Price = command.Price ?? order.Price;
            order.TriggerPrice = command.TriggerPrice ?? order.TriggerPrice;
            PostEvent(new OrderUpdated(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, AccountId,
                order.Quantity, order.Price, order.TriggerPrice, Guid.NewGuid(), now, now));
            if (_quotes.TryGetValue(order.InstrumentId, out QuoteTick quote) && Crosses(order, quote)) Fill(order, order.Price!.Value, LiquiditySide.Maker);
        }
    }

    public void Query(QueryOrder command)
    {
        lock (_gate)
        {
            Record($"query {command.ClientOrderId}");
            if (_orders.TryGetValue(command.ClientOrderId, out VenueOrder? order)) _inbox.Post(Report(order));
        }
    }

    public Task<ExecutionMassStatus> GenerateMassStatusAsync(long? sinceNs, CancellationToken ct)
    {
        lock (_gate)
        {
            Record("mass-status");
            long now = _clock();
            var status = new ExecutionMassStatus(ClientId, AccountId, Venue,
                [.. _orders.Values.Where(o => o.IsResting).OrderBy(o => o.Sequence).Select(Report)],
                [.. _fills.Where(f => sinceNs is not long since || f.TsEvent >= since)],
                [.. _positions.Where(p => p.Value != 0).Select(p => new PositionStatusReport(AccountId, p.Key, p.Value, null, now, now))],
                now);
            return Task.FromResult(status);
        }
    }

    /// <summary>Acknowledges cancels that were held back (<see cref="AutoAcknowledgeCancels"/> = false).</summary>
    public void AcknowledgeCancels()
    {
        lock (_gate)
        {
            foreach (VenueOrder order in _orders.Values.Where(o => o.Status == OrderStatus.PendingCancel).ToList()) Canceled(order);
        }
    }

    /// <summary>Order events go to the kernel unless the connection is "dropped" (<see cref="DropOrderEvents"/>).</summary>
    private void PostEvent(IOrderEvent orderEvent)
    {
        if (!DropOrderEvents) _inbox.Post(orderEvent);
    }

    private void Place(Order order)
    {
        long now = _clock();
        if (_orders.ContainsKey(order.ClientOrderId))
        {
            PostEvent(new OrderRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId,
                "duplicate client order id", Guid.NewGuid(), now, now));
            return;
        }
        if (RejectOrders?.Invoke(order) is string refusal)
        {
            PostEvent(new OrderRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId, refusal, Guid.NewGuid(), now, now));
            return;
        }
        var venueOrder = new VenueOrder(order, new VenueOrderId($"V-{++_nextOrderId}"), _nextOrderId, now);
        bool hasQuote = _quotes.TryGetValue(order.InstrumentId, out QuoteTick quote);
        bool marketable = hasQuote && (order.OrderType == OrderType.Market || Crosses(venueOrder, quote));
        if (order.OrderType == OrderType.Market && !hasQuote || order.PostOnly && marketable)
        {
            PostEvent(new OrderRejected(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId,
                hasQuote ? "post-only order would take liquidity" : "no market to fill against", Guid.NewGuid(), now, now));
            return;
        }
        _orders[order.ClientOrderId] = venueOrder;
        PostEvent(new OrderAccepted(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, venueOrder.VenueOrderId, AccountId,
            Guid.NewGuid(), now, now));
        if (marketable) Fill(venueOrder, order.Side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice, LiquiditySide.Taker);
        if (venueOrder.IsResting && (order.OrderType == OrderType.Market || order.TimeInForce == TimeInForce.Ioc)) Canceled(venueOrder);
    }

    private static bool Crosses(VenueOrder order, QuoteTick quote) => order.Price is Price limit && !order.AwaitsTrigger &&
        (order.Side == OrderSide.Buy ? quote.AskPrice <= limit : quote.BidPrice >= limit);

    /// <summary>Fills the whole remaining quantity at <paramref name="price"/>.</summary>
    private void Fill(VenueOrder order, Price price, LiquiditySide liquidity, Quantity? only = null)
    {
        Instrument instrument = _instruments[order.InstrumentId];
        Quantity qty = only ?? order.Quantity - order.Filled;
        if (order.ReduceOnly)
        {
            // The venue never lets a reduce-only order open or flip a position: it trades at most what is held.
            decimal held = _positions.GetValueOrDefault(order.InstrumentId);
            decimal reducible = order.Side == OrderSide.Buy ? Math.Max(0, -held) : Math.Max(0, held);
            if (reducible == 0)
            {
                Canceled(order);
                return;
            }
            if (qty.ToDecimal() > reducible) qty = Quantity.FromDecimal(reducible, qty.Precision);
        }
        long now = _clock();
        decimal notional = qty.NotionalAt(price);
        var commission = new Money(notional * (liquidity == LiquiditySide.Maker ? instrument.MakerFee : instrument.TakerFee), Currency.Usdc);
        var tradeId = new TradeId($"T-{++_nextTradeId}");
        order.Filled += qty;
        order.FilledNotional += notional;
        order.Status = order.Filled == order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        decimal signed = order.Side == OrderSide.Buy ? qty.ToDecimal() : -qty.ToDecimal();
        _positions[order.InstrumentId] = _positions.GetValueOrDefault(order.InstrumentId) + signed;
        _fills.Add(new FillReport(AccountId, order.InstrumentId, order.VenueOrderId, order.ClientOrderId, tradeId, order.Side, qty, price, commission, liquidity, now, now));
        PostEvent(new OrderFilled(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, AccountId, tradeId,
            null, order.Side, order.Type, qty, price, instrument.QuoteCurrency, commission, liquidity, Guid.NewGuid(), now, now));
    }

    private void CancelOne(ClientOrderId id)
    {
        long now = _clock();
        if (!_orders.TryGetValue(id, out VenueOrder? order) || !order.IsResting)
        {
            VenueOrder? known = order;
            if (known is not null)
                PostEvent(new OrderCancelRejected(known.TraderId, known.StrategyId, known.InstrumentId, id, known.VenueOrderId, AccountId,
                    $"order is {known.Status}", Guid.NewGuid(), now, now));
            return;
        }
        if (AutoAcknowledgeCancels) Canceled(order);
        else order.Status = OrderStatus.PendingCancel;
    }

    private void Canceled(VenueOrder order)
    {
        long now = _clock();
        order.Status = OrderStatus.Canceled;
        PostEvent(new OrderCanceled(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, AccountId,
            Guid.NewGuid(), now, now));
    }

    private OrderStatusReport Report(VenueOrder o) => new(AccountId, o.InstrumentId, o.ClientOrderId, o.VenueOrderId, o.Side, o.Type, o.TimeInForce,
        o.Status, o.Quantity, o.Filled, o.Price, null, o.Filled.IsZero ? null : o.FilledNotional / o.Filled.ToDecimal(), o.ReduceOnly, o.PostOnly,
        o.TsAccepted, _clock(), _clock());
}
