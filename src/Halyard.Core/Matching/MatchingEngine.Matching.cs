namespace Halyard.Core.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Fills <paramref name="taker"/> against the opposite side in price-time priority at maker prices.</summary>
    private void Match(RestingOrder taker, MatchingBookSide opposite, long tsNs, ref long filledSz, ref Int128 filledNotional)
    {
        while (taker.SzRaw > 0)
        {
            PriceLevel? level = opposite.Best;
            if (level is null || !Crosses(taker, level.PxRaw)) break;
            RestingOrder? maker = level.Head;
            while (maker is not null && taker.SzRaw > 0)
            {
                RestingOrder? next = maker.Next;
                if (ReferenceEquals(maker.Account, taker.Account))
                {
                    Retire(maker, OrderUpdateStatus.SelfTradeCanceled, tsNs, dropEmptyLevel: false);
                    maker = next;
                    continue;
                }
                long size = Math.Min(taker.SzRaw, maker.SzRaw);
                bool makerClamped = false;
                if (maker.ReduceOnly)
                {
                    long szi = maker.Account.Find(maker.Market)?.SziRaw ?? 0;
                    long reducible = maker.IsBuy ? -szi : szi;
                    if (reducible <= 0)
                    {
                        Retire(maker, OrderUpdateStatus.ReduceOnlyCanceled, tsNs, dropEmptyLevel: false);
                        maker = next;
                        continue;
                    }
                    if (size >= reducible) { size = reducible; makerClamped = true; }
                }

                Trade(taker, maker, level.PxRaw, size, tsNs);
                taker.SzRaw -= size;
                maker.SzRaw -= size;
                level.TotalSzRaw -= size;
                Unreserve(maker, size);
                filledSz += size;
                filledNotional += FixedMath.RawNotional(size, level.PxRaw);

                if (maker.SzRaw == 0) Retire(maker, OrderUpdateStatus.Filled, tsNs, dropEmptyLevel: false);
                else if (makerClamped) Retire(maker, OrderUpdateStatus.ReduceOnlyCanceled, tsNs, dropEmptyLevel: false);
                maker = next;
            }
            if (level.Count == 0) opposite.Remove(level);
        }
    }

    /// <summary>Books one trade on both accounts and reports it.</summary>
    private void Trade(RestingOrder taker, RestingOrder maker, long pxRaw, long szRaw, long tsNs)
    {
        Market market = taker.Market;
        MarginPosition takerPosition = taker.Account.Get(market, Ledger.DefaultLeverage);
        MarginPosition makerPosition = maker.Account.Get(market, Ledger.DefaultLeverage);
        Int128 notional = FixedMath.RawNotional(szRaw, pxRaw);
        Int128 takerFee = Ledger.Fee(notional, market.TakerFeeRaw);
        Int128 makerFee = Ledger.Fee(notional, market.MakerFeeRaw);
        long takerStart = takerPosition.SziRaw;
        long makerStart = makerPosition.SziRaw;
        Int128 takerPnl = Ledger.ApplyFill(takerPosition, taker.Side, pxRaw, szRaw, takerFee);
        Int128 makerPnl = Ledger.ApplyFill(makerPosition, maker.Side, pxRaw, szRaw, makerFee);
        market.LastTradePxRaw = pxRaw;
        var fill = new Fill(_nextTradeId++, market.Coin, pxRaw, szRaw, taker.Side,
            taker.Account.Name, taker.Oid, taker.Cloid, Ledger.ToMoney(takerFee), Ledger.ToMoney(takerPnl), takerStart,
            maker.Account.Name, maker.Oid, maker.Cloid, Ledger.ToMoney(makerFee), Ledger.ToMoney(makerPnl), makerStart, tsNs);
        _sink.OnFill(in fill);
        if (taker.GroupId != 0) OnChildFilled(taker);
        if (maker.GroupId != 0) OnChildFilled(maker);
    }

    /// <summary>
    /// Takes a live order out of the engine (book or trigger book, account, oid index), releases its
    /// margin reservation, reports <paramref name="status"/> and returns the node to the pool.
    /// </summary>
    private void Retire(RestingOrder o, OrderUpdateStatus status, long tsNs, bool dropEmptyLevel = true)
    {
        if (o.IsWaitingTrigger)
        {
            o.Market.Triggers.Remove(o);
        }
        else if (o.Level is { } level)
        {
            Unreserve(o, o.SzRaw);
            level.Remove(o);
            if (dropEmptyLevel && level.Count == 0) o.Market.Book.SideOf(o.Side).Remove(level);
        }
        o.Account.RemoveOrder(o);
        _ordersByOid.Remove(o.Oid);
        OnOrderGone(o, filled: status == OrderUpdateStatus.Filled);
        Emit(o, status, tsNs);
        Release(o);
    }
}
