using Halyard.Core.Data;
using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>
/// The recorded market moving past the strategy's orders: the mark (recorded, else mid, else last) fires
/// triggers; a quote or book that crosses a resting order, or a trade through it, fills it at its price.
/// A trade AT its price first eats the size that was displayed ahead of it (the queue approximation).
/// </summary>
public sealed partial class SimulatedVenue
{
    public void OnQuote(in QuoteTick quote)
    {
        if (!TryCoin(quote.InstrumentId, out CoinState coin)) return;
        coin.BidRaw = quote.BidPrice.Raw;
        coin.AskRaw = quote.AskPrice.Raw;
        coin.BidSzRaw = quote.BidSize.Raw;
        coin.AskSzRaw = quote.AskSize.Raw;
        if (!coin.HasMarkData && coin.BidRaw > 0 && coin.AskRaw > 0)
        {
            long mid = (coin.BidRaw + coin.AskRaw) / 2;
            SetMark(coin, mid - mid % coin.TickRaw);
        }
        if (coin.Resting.Count == 0) return;
        ShrinkQueues(coin);
        CrossTouch(coin, coin.BidRaw, coin.BidSzRaw, coin.AskRaw, coin.AskSzRaw);
        FlushAccountState();
    }

    public void OnTrade(in TradeTick trade)
    {
        if (!TryCoin(trade.InstrumentId, out CoinState coin)) return;
        coin.LastPxRaw = trade.Price.Raw;
        coin.LastSzRaw = trade.Size.Raw;
        if (!coin.HasMarkData && !coin.HasQuote && coin.Book is null) SetMark(coin, trade.Price.Raw);
        if (coin.Resting.Count == 0) return;
        long px = trade.Price.Raw, size = trade.Size.Raw;
        if (trade.AggressorSide != AggressorSide.Buyer) TradeThrough(coin, sellerHits: true, px, size);
        if (trade.AggressorSide != AggressorSide.Seller) TradeThrough(coin, sellerHits: false, px, size);
        FlushAccountState();
    }

    public void OnBar(in Bar bar)
    {
        if (!TryCoin(bar.BarType.InstrumentId, out CoinState coin)) return;
        coin.LastPxRaw = bar.Close.Raw;
        coin.LastSzRaw = bar.Volume.Raw;
        if (!coin.HasMarkData && !coin.HasQuote && coin.Book is null) SetMark(coin, bar.Close.Raw);
        if (coin.Resting.Count == 0 || bar.Volume.Raw <= 0) return;
        // A bar only says the market traded down to its low and up to its high.
        TradeThrough(coin, sellerHits: true, bar.Low.Raw, bar.Volume.Raw);
        TradeThrough(coin, sellerHits: false, bar.High.Raw, bar.Volume.Raw);
        FlushAccountState();
    }

    /// <summary>One recorded book delta; a batch is applied when its last delta arrives.</summary>
    /// <returns>The completed batch for the kernel, or null while the batch is still open.</returns>
    public OrderBookDeltas? OnBookDelta(in OrderBookDelta delta)
    {
        if (!TryCoin(delta.InstrumentId, out CoinState coin)) return null;
        coin.PendingDeltas.Add(delta);
        if (!delta.IsLast) return null;
        var batch = new OrderBookDeltas(delta.InstrumentId, coin.PendingDeltas.ToArray());
        coin.PendingDeltas.Clear();
        OrderBook book = coin.Book ??= new OrderBook(delta.InstrumentId, coin.Instrument.PricePrecision, coin.Instrument.SizePrecision);
        book.Apply(batch);
        if (book.HasBid && book.HasAsk)
        {
            coin.BidRaw = book.BestBidPrice!.Value.Raw;
            coin.AskRaw = book.BestAskPrice!.Value.Raw;
            coin.BidSzRaw = book.BestBidSize!.Value.Raw;
            coin.AskSzRaw = book.BestAskSize!.Value.Raw;
            if (!coin.HasMarkData)
            {
                long mid = (coin.BidRaw + coin.AskRaw) / 2;
                SetMark(coin, mid - mid % coin.TickRaw);
            }
        }
        if (coin.Resting.Count > 0)
        {
            ShrinkQueues(coin);
            CrossTouch(coin, coin.BidRaw, coin.BidSzRaw, coin.AskRaw, coin.AskSzRaw);
            FlushAccountState();
        }
        return batch;
    }

    public void OnMarkPrice(in MarkPriceUpdate mark)
    {
        if (!TryCoin(mark.InstrumentId, out CoinState coin)) return;
        coin.HasMarkData = true;
        SetMark(coin, mark.Value.Raw);
    }

    public void OnFundingRate(in FundingRateUpdate funding)
    {
        if (TryCoin(funding.InstrumentId, out CoinState coin)) coin.FundingRate = funding.Rate;
    }

    /// <summary>Pays the latest recorded funding rate on every position (the backtest calls it on each funding hour).</summary>
    public void ApplyFunding(long tsNs)
    {
        SyncMarks();
        foreach (CoinState coin in _byId.Values)
            if (coin.FundingRate is decimal rate && coin.MarkRaw > 0) _engine.ApplyFunding(coin.Coin, rate, coin.MarkRaw, tsNs);
        FlushAccountState();
    }

    private void SetMark(CoinState coin, long markRaw)
    {
        if (markRaw <= 0 || markRaw == coin.MarkRaw) return;
        coin.MarkRaw = markRaw;
        // Without a position or a trigger order nothing depends on the mark yet: hand it over lazily (SyncMark).
        if (!coin.HasPosition && coin.Waiting == 0) return;
        coin.EngineMarkRaw = markRaw;
        if (coin.Waiting == 0)
        {
            _engine.SetMarkPrice(coin.Coin, markRaw, Now);
            FlushAccountState(); // a liquidation
            return;
        }
        // A fired trigger order trades against the market as recorded at this moment.
        InstallLiquidity(coin);
        _engine.SetMarkPrice(coin.Coin, markRaw, Now);
        RemoveLiquidity(coin);
        FlushAccountState();
    }

    /// <summary>Hands the latest mark to the engine if it has not seen it (before orders, valuations, funding).</summary>
    private void SyncMark(CoinState coin)
    {
        if (coin.MarkRaw <= 0 || coin.MarkRaw == coin.EngineMarkRaw) return;
        coin.EngineMarkRaw = coin.MarkRaw;
        _engine.SetMarkPrice(coin.Coin, coin.MarkRaw, Now);
    }

    /// <summary>Every coin's latest mark in the engine, so the ledger values the account at current prices.</summary>
    public void SyncMarks()
    {
        foreach (CoinState coin in _byId.Values) SyncMark(coin);
        FlushAccountState();
    }

    /// <summary>Displayed size at an order's price that is smaller than its queue ahead means those ahead left.</summary>
    private static void ShrinkQueues(CoinState coin)
    {
        foreach (VenueOrder vo in coin.Resting)
        {
            if (vo.QueueAheadRaw == 0) continue;
            long shown = DisplayedAt(coin, vo.IsBuy, vo.PxRaw);
            if (shown < vo.QueueAheadRaw) vo.QueueAheadRaw = shown;
        }
    }

    /// <summary>A recorded touch on the other side of a resting order: the market came to it and takes it at its price.</summary>
    private void CrossTouch(CoinState coin, long bidRaw, long bidSzRaw, long askRaw, long askSzRaw)
    {
        MatchingBook book = _engine.GetBook(coin.Coin);
        if (askRaw > 0 && book.BestBidPxRaw >= askRaw) MarketTakes(coin, OrderSide.Sell, askRaw, askSzRaw);
        if (bidRaw > 0 && book.BestAskPxRaw > 0 && book.BestAskPxRaw <= bidRaw) MarketTakes(coin, OrderSide.Buy, bidRaw, bidSzRaw);
    }

    /// <summary>
    /// A recorded trade at <paramref name="pxRaw"/>: resting orders strictly better than it fill (the market
    /// went through them); orders at exactly its price fill with what is left after the queue ahead.
    /// </summary>
    private void TradeThrough(CoinState coin, bool sellerHits, long pxRaw, long sizeRaw)
    {
        MatchingBook book = _engine.GetBook(coin.Coin);
        long best = sellerHits ? book.BestBidPxRaw : book.BestAskPxRaw;
        if (best == 0 || (sellerHits ? best < pxRaw : best > pxRaw)) return;
        OrderSide takerSide = sellerHits ? OrderSide.Sell : OrderSide.Buy;
        long through = sellerHits ? pxRaw + coin.TickRaw : pxRaw - coin.TickRaw;
        long left = sizeRaw;
        if (sellerHits ? best >= through : best <= through) left -= MarketTakes(coin, takerSide, through, left);
        if (left <= 0) return;
        long atTouch = 0;
        foreach (VenueOrder vo in coin.Resting)
        {
            if (vo.IsBuy != sellerHits || vo.PxRaw != pxRaw) continue;
            long eaten = Math.Min(left, vo.QueueAheadRaw);
            vo.QueueAheadRaw -= eaten;
            left -= eaten;
            if (left <= 0) break;
            long take = Math.Min(left, _engine.TryGetOrderByCloid(AccountName, vo.Cloid, out OpenOrder live) ? live.SzRaw : 0);
            atTouch += take;
            left -= take;
        }
        if (atTouch > 0) MarketTakes(coin, takerSide, pxRaw, atTouch);
    }

    /// <summary>The market account sends an IOC for <paramref name="sizeRaw"/> at <paramref name="pxRaw"/>; returns what it filled.</summary>
    private long MarketTakes(CoinState coin, OrderSide side, long pxRaw, long sizeRaw)
    {
        if (sizeRaw <= 0 || pxRaw <= 0) return 0;
        var order = new MatchingOrder(MarketAccount, coin.Coin, side, pxRaw, sizeRaw, MatchingTif.Ioc);
        PlaceResult result = _engine.Place(in order, Now);
        return result.Outcome == PlaceOutcome.Filled ? result.TotalSzRaw : 0;
    }
}
