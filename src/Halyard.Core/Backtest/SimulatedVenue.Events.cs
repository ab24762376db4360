using System.Globalization;
using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>The matching engine's reports turned into the order events a live client would post.</summary>
public sealed partial class SimulatedVenue
{
    void IMatchingEventSink.OnOrderUpdate(in OrderUpdate update)
    {
        OpenOrder o = update.Order;
        if (o.Account != AccountName || o.Cloid is null || !_orders.TryGetValue(o.Cloid, out VenueOrder? vo)) return;
        vo.Oid = o.Oid;
        long now = update.TsNs;
        Order order = vo.Order;
        switch (update.Status)
        {
            case OrderUpdateStatus.Open:
                EnsureAccepted(vo, now);
                bool resting = !o.Trigger.HasValue || o.IsTriggered;
                if (!resting && !vo.Waiting)
                {
                    vo.Waiting = true;
                    vo.Coin.Waiting++;
                }
                if (resting && !vo.Resting)
                {
                    vo.Resting = true;
                    vo.PxRaw = o.PxRaw;
                    vo.QueueAheadRaw = DisplayedAt(vo.Coin, vo.IsBuy, o.PxRaw);
                    vo.Coin.Resting.Add(vo);
                }
                break;
            case OrderUpdateStatus.Triggered:
                EnsureAccepted(vo, now);
                StopWaiting(vo);
                Emit(new OrderTriggered(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId, _newId(), now, now));
                break;
            case OrderUpdateStatus.Filled:
                ForgetResting(vo);
                _orders.Remove(vo.Cloid);
                break;
            default: // canceled for whatever reason
                ForgetResting(vo);
                if (vo.Replacing) break; // the cancel half of a modify: the order lives on
                _orders.Remove(vo.Cloid);
                EnsureAccepted(vo, now);
                Emit(new OrderCanceled(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId, _newId(), now, now));
                break;
        }
    }

    void IMatchingEventSink.OnFill(in Fill fill)
    {
        if (fill.TakerAccount == AccountName) OnOwnFill(in fill, fill.TakerCloid, fill.TakerOid, fill.TakerSide, fill.TakerFee, fill.TakerClosedPnl, LiquiditySide.Taker);
        if (fill.MakerAccount == AccountName) OnOwnFill(in fill, fill.MakerCloid, fill.MakerOid, fill.MakerSide, fill.MakerFee, fill.MakerClosedPnl, LiquiditySide.Maker);
    }

    private void OnOwnFill(in Fill fill, string? cloid, long oid, OrderSide side, decimal fee, decimal closedPnl, LiquiditySide liquidity)
    {
        _fillsSinceAccountState = true;
        CoinState coin = _byCoin[fill.Coin];
        string tradeId = "T" + fill.TradeId.ToString(CultureInfo.InvariantCulture);
        if (cloid is null || !_orders.TryGetValue(cloid, out VenueOrder? vo))
        {
            // A liquidation: no order of ours; the ledger books it, the results show it.
            _fills.Add(new BacktestFill(fill.TsNs, coin.Instrument.Id, StrategyId.External, new ClientOrderId("LIQUIDATION-" + tradeId), oid.ToString(CultureInfo.InvariantCulture),
                tradeId, side, Math.Round(FixedMath.ToDecimal(fill.SzRaw), coin.Instrument.SizePrecision), Math.Round(FixedMath.ToDecimal(fill.PxRaw), coin.Instrument.PricePrecision), fee, liquidity, closedPnl));
            return;
        }
        vo.Oid = oid;
        EnsureAccepted(vo, fill.TsNs);
        Order order = vo.Order;
        CryptoPerpetual instrument = coin.Instrument;
        var qty = Quantity.FromRaw(fill.SzRaw, instrument.SizePrecision);
        var px = Price.FromRaw(fill.PxRaw, instrument.PricePrecision);
        Currency usdc = instrument.SettlementCurrency;
        Emit(new OrderFilled(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId, new TradeId(tradeId), null,
            side, order.OrderType, qty, px, usdc, new Money(fee, usdc), liquidity, _newId(), fill.TsNs, fill.TsNs));
        _fills.Add(new BacktestFill(fill.TsNs, instrument.Id, order.StrategyId, order.ClientOrderId, vo.VenueOrderId.Value, tradeId, side,
            Math.Round(qty.ToDecimal(), instrument.SizePrecision), Math.Round(px.ToDecimal(), instrument.PricePrecision), fee, liquidity, closedPnl));
    }

    void IMatchingEventSink.OnFunding(in FundingPayment payment)
    {
        if (payment.Account != AccountName) return;
        _fillsSinceAccountState = true;
        FundingPaid -= payment.Usdc;
    }

    void IMatchingEventSink.OnLiquidation(in Liquidation liquidation)
    {
        if (liquidation.Account == AccountName) Liquidations++;
    }

    /// <summary>Funding the account paid (positive) or received (negative) so far.</summary>
    public decimal FundingPaid { get; private set; }

    /// <summary>How often the account was liquidated.</summary>
    public int Liquidations { get; private set; }

    private void EnsureAccepted(VenueOrder vo, long now)
    {
        if (vo.Accepted) return;
        vo.Accepted = true;
        Order order = vo.Order;
        Emit(new OrderAccepted(_traderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, vo.VenueOrderId, AccountId, _newId(), now, now));
    }

    private static void ForgetResting(VenueOrder vo)
    {
        StopWaiting(vo);
        if (!vo.Resting) return;
        vo.Resting = false;
        vo.Coin.Resting.Remove(vo);
    }

    private static void StopWaiting(VenueOrder vo)
    {
        if (!vo.Waiting) return;
        vo.Waiting = false;
        vo.Coin.Waiting--;
    }

    /// <summary>Recorded size displayed at a price on one side (what queues ahead of an order joining it).</summary>
    private static long DisplayedAt(CoinState coin, bool bid, long pxRaw)
    {
        if (coin.Book is { } book)
        {
            int levels = bid ? book.BidLevelCount : book.AskLevelCount;
            for (int i = 0; i < levels; i++)
            {
                var level = bid ? book.Bid(i) : book.Ask(i);
                if (level.Price.Raw == pxRaw) return level.Size.Raw;
                if (bid ? level.Price.Raw < pxRaw : level.Price.Raw > pxRaw) break;
            }
            return 0;
        }
        if (bid) return coin.BidRaw == pxRaw ? coin.BidSzRaw : 0;
        return coin.AskRaw == pxRaw ? coin.AskSzRaw : 0;
    }
}
