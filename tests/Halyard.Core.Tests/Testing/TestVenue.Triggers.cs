using Halyard.Core.Model;

namespace Halyard.Core.Tests.Testing;

/// <summary>Trigger orders (stop and if-touched, watched on the quote) and the venue misbehaving on purpose.</summary>
public sealed partial class TestVenue
{
    /// <summary>When it returns a reason for an order, the venue rejects that order instead of accepting it.</summary>
    public Func<Order, string?>? RejectOrders { get; set; }

    /// <summary>
    /// When true, stops and if-touched orders watch a mark price, as Hyperliquid's do: the mid rounded down to the tick,
    /// which is how the backtest's simulated venue derives the mark when none is recorded. Otherwise the quote side.
    /// </summary>
    public bool TriggerOnMark { get; set; }

    /// <summary>When true, every modify is rejected.</summary>
    public bool RejectModifies { get; set; }

    /// <summary>The venue cancels a working order on its own (e.g. margin, self-trade prevention); false when it is not working.</summary>
    public bool CancelByVenue(ClientOrderId id)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out VenueOrder? order) || !order.IsResting) return false;
            Canceled(order);
            return true;
        }
    }

    /// <summary>Fills part of a working order at the current quote (as a taker).</summary>
    public void FillPartially(ClientOrderId id, Quantity quantity)
    {
        lock (_gate)
        {
            VenueOrder order = _orders[id];
            QuoteTick quote = _quotes[order.InstrumentId];
            if (order.AwaitsTrigger) order.Triggered = true;
            Fill(order, order.Side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice, LiquiditySide.Taker, quantity);
        }
    }

    /// <summary>Working orders with their trigger, e.g. "Sell 0.500 STOP_MARKET trigger 2940.0 reduce-only".</summary>
    public IReadOnlyList<string> WorkingOrders()
    {
        lock (_gate)
            return [.. _orders.Values.Where(o => o.IsResting).OrderBy(o => o.Sequence)
                .Select(o => $"{o.Side} {o.Quantity - o.Filled} {o.Type}{(o.Price is { } p ? $" @ {p}" : "")}{(o.TriggerPrice is { } t ? $" trigger {t}" : "")}{(o.ReduceOnly ? " reduce-only" : "")}")];
    }

    /// <summary>Working trigger orders of one instrument with their remaining quantity.</summary>
    public IReadOnlyList<(ClientOrderId Id, OrderSide Side, Quantity Leaves, Price Trigger)> WorkingTriggers(InstrumentId id)
    {
        lock (_gate)
            return [.. _orders.Values.Where(o => o.IsResting && o.InstrumentId == id && o.TriggerPrice is not null).OrderBy(o => o.Sequence)
                .Select(o => (o.ClientOrderId, o.Side, o.Quantity - o.Filled, o.TriggerPrice!.Value))];
    }

    /// <summary>
    /// Stops trigger when the quote crosses their trigger against the position (sell: bid ≤ trigger; buy: ask ≥ trigger),
    /// if-touched orders when it reaches it in its favour (sell: bid ≥ trigger; buy: ask ≤ trigger). Market ones fill at
    /// the quote as takers (what cannot fill is canceled); limit ones start resting at their price.
    /// </summary>
    private void FireTriggers(InstrumentId id, QuoteTick quote)
    {
        foreach (VenueOrder order in _orders.Values.Where(o => o.IsResting && o.InstrumentId == id && o.AwaitsTrigger).OrderBy(o => o.Sequence).ToList())
        {
            Price trigger = order.TriggerPrice!.Value;
            bool isStop = order.Type is OrderType.StopMarket or OrderType.StopLimit;
            bool hit;
            if (TriggerOnMark)
            {
                long mid = (quote.BidPrice.Raw + quote.AskPrice.Raw) / 2;
                long tick = _instruments[id].PriceIncrement.Raw;
                long mark = mid - mid % tick;
                hit = (order.Side == OrderSide.Sell) == isStop ? mark <= trigger.Raw : mark >= trigger.Raw;
            }
            else
            {
                hit = order.Side == OrderSide.Sell
                    ? (isStop ? quote.BidPrice <= trigger : quote.BidPrice >= trigger)
                    : (isStop ? quote.AskPrice >= trigger : quote.AskPrice <= trigger);
            }
            if (!hit) continue;
            order.Triggered = true;
            long now = _clock();
            PostEvent(new OrderTriggered(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, AccountId,
                Guid.NewGuid(), now, now));
            if (order.Type is OrderType.StopMarket or OrderType.MarketIfTouched)
            {
                Fill(order, order.Side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice, LiquiditySide.Taker);
                if (order.IsResting) Canceled(order);
            }
            else if (Crosses(order, quote))
            {
                Fill(order, order.Price!.Value, LiquiditySide.Taker);
            }
        }
    }
}
