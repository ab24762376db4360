namespace Halyard.Core.Model;

public sealed partial class Position
{
    /// <summary>
    /// Applies a fill: opens (from flat), increases, reduces, closes, or flips (a fill larger than the position
    /// closes it, then opens the other side at the fill price with the remainder; the fill's commission is split
    /// between the two legs by quantity). A repeated fill (same trade id) or a fill for another instrument or
    /// strategy changes nothing and says why.
    /// </summary>
    public PositionUpdate Apply(OrderFilled fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        Money none = Money.Zero(Currency);
        if (fill.InstrumentId != InstrumentId)
            return new(PositionChangeKind.Invalid, none, Error: $"fill {fill.TradeId} is for {fill.InstrumentId}, not position {Id} in {InstrumentId}");
        if (fill.StrategyId != StrategyId)
            return new(PositionChangeKind.Invalid, none, Error: $"fill {fill.TradeId} is for strategy {fill.StrategyId}, not position {Id} of {StrategyId}");
        if (fill.OrderSide is not (OrderSide.Buy or OrderSide.Sell) || !fill.LastQty.IsPositive)
            return new(PositionChangeKind.Invalid, none, Error: $"fill {fill.TradeId} needs a side and a positive quantity");
        if (_tradeIds.Contains(fill.TradeId))
            return new(PositionChangeKind.Duplicate, none, Error: $"fill {fill.TradeId} was already applied to position {Id}");

        _tradeIds.Add(fill.TradeId);
        _fills.Add(fill);
        AccountId = fill.AccountId;
        LastPx = fill.LastPx;
        LastTradeId = fill.TradeId;
        TsLast = fill.TsEvent;

        long delta = fill.IsBuy ? fill.LastQty.Raw : -fill.LastQty.Raw;
        decimal price = fill.LastPx.ToDecimal();
        Money commission = fill.Commission;

        if (_signedRaw == 0)
        {
            Open(fill, delta, price, commission);
            return new(PositionChangeKind.Opened, new Money(-SettlementPart(commission), Currency));
        }

        if (Math.Sign(delta) == Math.Sign(_signedRaw))
        {
            // Increase: the entry price becomes the quantity-weighted average of old and new.
            decimal held = Math.Abs(SignedQty), added = FixedPoint.ToDecimal(Math.Abs(delta));
            AvgPxOpen = (AvgPxOpen * held + price * added) / (held + added);
            _signedRaw = checked(_signedRaw + delta);
            _peakRaw = Math.Max(_peakRaw, Math.Abs(_signedRaw));
            LastQty = fill.LastQty;
            AddCommission(commission);
            return new(PositionChangeKind.Changed, new Money(-SettlementPart(commission), Currency));
        }

        long closingRaw = Math.Min(Math.Abs(delta), Math.Abs(_signedRaw));
        if (closingRaw == Math.Abs(delta))
        {
            // Reduce, possibly to flat.
            decimal pnl = Reduce(closingRaw, price);
            LastQty = fill.LastQty;
            AddCommission(commission);
            decimal net = pnl - SettlementPart(commission);
            if (_signedRaw != 0) return new(PositionChangeKind.Changed, new Money(net, Currency));
            MarkClosed(fill);
            return new(PositionChangeKind.Closed, new Money(net, Currency));
        }

        // Flip: close the whole position with part of the fill, open the other side with the rest.
        decimal closeShare = (decimal)closingRaw / Math.Abs(delta);
        Money closeCommission = new(commission.Amount * closeShare, commission.Currency);
        Money openCommission = commission - closeCommission;
        decimal closedPnl = Reduce(closingRaw, price);
        LastQty = Quantity.FromRaw(closingRaw, _sizePrecision);
        AddCommission(closeCommission);
        MarkClosed(fill);
        PositionSnapshot closedLeg = Snapshot();

        long remainder = delta > 0 ? delta - closingRaw : delta + closingRaw;
        Open(fill, remainder, price, openCommission);
        decimal fillPnl = closedPnl - SettlementPart(commission);
        return new(PositionChangeKind.Flipped, new Money(fillPnl, Currency), closedLeg);
    }

    /// <summary>Starts a fresh position life from flat: resets PnL, commissions and timestamps.</summary>
    private void Open(OrderFilled fill, long signedRaw, decimal price, Money commission)
    {
        _commissions.Clear();
        _closedQty = 0m;
        _closedNotional = 0m;
        RealizedPnl = Money.Zero(Currency);
        OpeningOrderId = fill.ClientOrderId;
        ClosingOrderId = null;
        Entry = signedRaw > 0 ? OrderSide.Buy : OrderSide.Sell;
        TsOpened = fill.TsEvent;
        TsClosed = null;
        AvgPxOpen = price;
        _signedRaw = signedRaw;
        _peakRaw = Math.Abs(signedRaw);
        LastQty = Quantity.FromRaw(Math.Abs(signedRaw), _sizePrecision);
        AddCommission(commission);
    }

    /// <summary>Closes <paramref name="closingRaw"/> of the position at <paramref name="price"/>; returns the PnL before commission.</summary>
    private decimal Reduce(long closingRaw, decimal price)
    {
        decimal closing = FixedPoint.ToDecimal(closingRaw);
        decimal pnl = ProfitPerUnit(price) * closing;
        _closedQty += closing;
        _closedNotional += closing * price;
        _signedRaw += _signedRaw > 0 ? -closingRaw : closingRaw;
        RealizedPnl += new Money(pnl, Currency);
        return pnl;
    }

    private void MarkClosed(OrderFilled fill)
    {
        ClosingOrderId = fill.ClientOrderId;
        TsClosed = fill.TsEvent;
    }

    /// <summary>Records a commission; one paid in the settlement currency also reduces realized PnL.</summary>
    private void AddCommission(Money commission)
    {
        _commissions[commission.Currency] = _commissions.GetValueOrDefault(commission.Currency) + commission.Amount;
        RealizedPnl -= new Money(SettlementPart(commission), Currency);
    }

    private decimal SettlementPart(Money commission) => commission.Currency == Currency ? commission.Amount : 0m;
}
