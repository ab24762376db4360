using Halyard.Core.Execution;
using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

public sealed partial class SimulatedVenue
{
    private void Place(Order order)
    {
        string cloid = order.ClientOrderId.Value;
        if (!TryCoin(order.InstrumentId, out CoinState coin))
        {
            Reject(order, MatchingErrors.UnknownCoin(order.InstrumentId.Symbol));
            return;
        }
        if (!TryMap(order, coin, order.Quantity, order.Price, order.TriggerPrice, out MatchingOrder mo, out string? error))
        {
            Reject(order, error!);
            return;
        }
        if (_orders.ContainsKey(cloid))
        {
            Reject(order, MatchingErrors.DuplicateCloid);
            return;
        }
        var vo = new VenueOrder(order, cloid, coin);
        _orders.Add(cloid, vo);
        SyncMark(coin);
        InstallLiquidity(coin);
        PlaceResult result = _engine.Place(in mo, Now);
        RemoveLiquidity(coin);
        if (result.IsError && !vo.Accepted)
        {
            _orders.Remove(cloid);
            Reject(order, result.Error!);
        }
        FlushAccountState();
    }

    /// <summary>
    /// Translates an order the way the live adapter does: market = IOC bounded by the touch ± slippage,
    /// post-only = ALO, stops = stop-loss triggers, if-touched = take-profit triggers (market ones bounded
    /// by the trigger ± slippage). Also the venue's minimum order value, with the engine's wording.
    /// </summary>
    private bool TryMap(Order order, CoinState coin, Quantity quantity, Price? price, Price? triggerPrice, out MatchingOrder mo, out string? error)
    {
        mo = default;
        error = null;
        bool buy = order.Side == OrderSide.Buy;
        long pxRaw;
        MatchingTif tif = MatchingTif.Gtc;
        OrderTrigger? trigger = null;
        switch (order.OrderType)
        {
            case OrderType.Market:
                long touch = buy ? (coin.AskRaw > 0 ? coin.AskRaw : coin.LastPxRaw) : (coin.BidRaw > 0 ? coin.BidRaw : coin.LastPxRaw);
                if (touch <= 0)
                {
                    error = $"No market price for {coin.Coin} to bound a market order.";
                    return false;
                }
                pxRaw = Bounded(coin, touch, buy, order.SlippagePct);
                tif = MatchingTif.Ioc;
                break;
            case OrderType.Limit:
                pxRaw = price?.Raw ?? 0;
                tif = order.PostOnly ? MatchingTif.Alo : order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok ? MatchingTif.Ioc : MatchingTif.Gtc;
                break;
            case OrderType.StopMarket or OrderType.MarketIfTouched:
                long trig = triggerPrice?.Raw ?? 0;
                pxRaw = trig > 0 ? Bounded(coin, trig, buy, order.SlippagePct) : 0;
                trigger = new OrderTrigger(trig, IsMarket: true, order.OrderType == OrderType.StopMarket ? TpSl.Sl : TpSl.Tp);
                break;
            case OrderType.StopLimit or OrderType.LimitIfTouched:
                pxRaw = price?.Raw ?? 0;
                trigger = new OrderTrigger(triggerPrice?.Raw ?? 0, IsMarket: false, order.OrderType == OrderType.StopLimit ? TpSl.Sl : TpSl.Tp);
                break;
            default:
                error = $"Order type {order.OrderType} is not supported.";
                return false;
        }
        long szRaw = quantity.Raw;
        if (!order.ReduceOnly && pxRaw > 0 && szRaw > 0 && FixedMath.Notional(szRaw, pxRaw) < coin.Instrument.MinNotional)
        {
            error = MatchingErrors.MinimumValue(coin.Instrument.MinNotional);
            return false;
        }
        mo = new MatchingOrder(AccountName, coin.Coin, order.Side, pxRaw, szRaw, tif, order.ReduceOnly, order.ClientOrderId.Value, trigger);
        return true;
    }

    /// <summary>A reference price moved by the slippage bound and rounded to the tick, away from the touch.</summary>
    private long Bounded(CoinState coin, long referenceRaw, bool buy, decimal? slippagePct)
    {
        decimal slip = slippagePct is > 0m ? slippagePct.Value : _slippage;
        decimal px = FixedMath.ToDecimal(referenceRaw) * (buy ? 1m + slip : 1m - slip);
        Price rounded = coin.Instrument.RoundPrice(px, buy ? RoundingDirection.Up : RoundingDirection.Down);
        if (coin.Instrument.PriceError(rounded) is not null) // a significant-figures limit: round coarser, still away from the touch
            rounded = coin.Instrument.RoundPrice(decimal.Parse(rounded.ToDecimal().ToString("G5", System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.CultureInfo.InvariantCulture), buy ? RoundingDirection.Up : RoundingDirection.Down);
        return rounded.Raw > 0 ? rounded.Raw : coin.TickRaw;
    }

    private void Reject(Order order, string reason) =>
        Emit(new OrderRejected(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId, reason, _newId(), Now, Now));

    private void CancelNow(CancelOrder command)
    {
        if (!_orders.TryGetValue(command.ClientOrderId.Value, out VenueOrder? vo))
        {
            Emit(new OrderCancelRejected(_traderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId, AccountId,
                MatchingErrors.CancelNotFound, _newId(), Now, Now));
            return;
        }
        CancelResult result = _engine.CancelByCloid(AccountName, vo.Coin.Coin, vo.Cloid, Now);
        if (!result.IsSuccess)
            Emit(new OrderCancelRejected(_traderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId, AccountId,
                result.Error!, _newId(), Now, Now));
        FlushAccountState();
    }

    /// <summary>
    /// Cancel-replace like the exchange (a new oid, the queue place is lost). The replacement is checked
    /// first, so an invalid one leaves the order working and answers <see cref="OrderModifyRejected"/>.
    /// </summary>
    private void ModifyNow(ModifyOrder command)
    {
        if (!_orders.TryGetValue(command.ClientOrderId.Value, out VenueOrder? vo))
        {
            Emit(new OrderModifyRejected(_traderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId, AccountId,
                MatchingErrors.ModifyNotFound, _newId(), Now, Now));
            return;
        }
        Order order = vo.Order;
        Quantity quantity = command.Quantity ?? order.Quantity;
        Price? price = command.Price ?? order.Price;
        Price? trigger = command.TriggerPrice ?? order.TriggerPrice;
        if (!TryMap(order, vo.Coin, quantity, price, trigger, out MatchingOrder mo, out string? error))
        {
            Emit(new OrderModifyRejected(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId,
                error!, _newId(), Now, Now));
            return;
        }
        // The engine keeps the filled part: the replacement carries what is left to fill.
        long leaves = quantity.Raw - order.FilledQty.Raw;
        if (leaves <= 0)
        {
            Emit(new OrderModifyRejected(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId,
                MatchingErrors.InvalidSize, _newId(), Now, Now));
            return;
        }
        mo = mo with { SzRaw = leaves };
        // Reported before the replacement matches, so a fill of the new terms follows the update that set them.
        Emit(new OrderUpdated(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, null, AccountId, quantity, price, trigger, _newId(), Now, Now));
        vo.Replacing = true;
        SyncMark(vo.Coin);
        InstallLiquidity(vo.Coin);
        PlaceResult result = _engine.ModifyByCloid(AccountName, vo.Cloid, in mo, Now);
        RemoveLiquidity(vo.Coin);
        vo.Replacing = false;
        if (result.IsError)
        {
            if (_engine.TryGetOrderByCloid(AccountName, vo.Cloid, out _))
                Emit(new OrderModifyRejected(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId,
                    result.Error!, _newId(), Now, Now));
            else
            {
                // The old order is gone and the replacement was refused (margin, post-only): it ends canceled.
                ForgetResting(vo);
                _orders.Remove(vo.Cloid);
                Emit(new OrderCanceled(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId, _newId(), Now, Now));
            }
        }
        FlushAccountState();
    }

    /// <summary>
    /// Puts the recorded market's top of book (the L2 book's best levels, else the quote, else the last
    /// trade) into the engine as the market account's resting orders, so an arriving order matches what
    /// the data offered at that moment, with the engine's own rules.
    /// </summary>
    private void InstallLiquidity(CoinState coin)
    {
        _liquidityOids.Clear();
        long now = Now;
        if (coin.Book is { } book && (book.HasBid || book.HasAsk))
        {
            for (int i = 0; i < Math.Min(LiquidityDepth, book.BidLevelCount); i++)
                AddLiquidity(coin, OrderSide.Buy, book.Bid(i).Price.Raw, book.Bid(i).Size.Raw, now);
            for (int i = 0; i < Math.Min(LiquidityDepth, book.AskLevelCount); i++)
                AddLiquidity(coin, OrderSide.Sell, book.Ask(i).Price.Raw, book.Ask(i).Size.Raw, now);
        }
        else if (coin.HasQuote)
        {
            AddLiquidity(coin, OrderSide.Buy, coin.BidRaw, coin.BidSzRaw, now);
            AddLiquidity(coin, OrderSide.Sell, coin.AskRaw, coin.AskSzRaw, now);
        }
        else if (coin.LastPxRaw > 0)
        {
            AddLiquidity(coin, OrderSide.Buy, coin.LastPxRaw, coin.LastSzRaw, now);
            AddLiquidity(coin, OrderSide.Sell, coin.LastPxRaw, coin.LastSzRaw, now);
        }
    }

    private void AddLiquidity(CoinState coin, OrderSide side, long pxRaw, long szRaw, long now)
    {
        if (pxRaw <= 0 || szRaw <= 0) return;
        var order = new MatchingOrder(MarketAccount, coin.Coin, side, pxRaw, szRaw, MatchingTif.Gtc);
        PlaceResult result = _engine.Place(in order, now);
        if (result.Outcome == PlaceOutcome.Resting) _liquidityOids.Add(result.Oid);
    }

    private void RemoveLiquidity(CoinState coin)
    {
        long now = Now;
        foreach (long oid in _liquidityOids) _engine.Cancel(MarketAccount, coin.Coin, oid, now);
        _liquidityOids.Clear();
    }
}
