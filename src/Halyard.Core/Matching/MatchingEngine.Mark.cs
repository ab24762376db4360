using Halyard.Core.Model;

namespace Halyard.Core.Matching;

public sealed partial class MatchingEngine
{
    private readonly List<RestingOrder> _fired = [];
    private readonly List<long> _firedOids = [];
    private readonly List<TriggeredOrder> _triggered = [];
    private readonly List<MarginPosition> _scan = [];
    private static readonly Comparison<RestingOrder> ByOid = (a, b) => a.Oid.CompareTo(b.Oid);

    /// <summary>
    /// Sets the mark price of a coin: fires the trigger orders whose condition now holds (in oid order;
    /// a market trigger becomes an IOC bounded by its limit price, a limit trigger a GTC), then
    /// liquidates holders of the coin whose account value fell below maintenance margin.
    /// </summary>
    /// <returns>The orders that fired and their outcome; the list is reused by the next call.</returns>
    public IReadOnlyList<TriggeredOrder> SetMarkPrice(string coin, long markPxRaw, long tsNs)
    {
        if (markPxRaw <= 0) throw new ArgumentOutOfRangeException(nameof(markPxRaw), markPxRaw, "mark price must be positive");
        Market market = MarketOf(coin);
        market.MarkPxRaw = markPxRaw;
        _triggered.Clear();
        _fired.Clear();
        market.Triggers.TakeFired(markPxRaw, _fired);
        if (_fired.Count > 1) _fired.Sort(ByOid);
        // By oid, not node: a fired order can be cancelled (and its node reused) by an earlier one's sibling fill.
        _firedOids.Clear();
        foreach (RestingOrder o in _fired) _firedOids.Add(o.Oid);
        _fired.Clear();
        foreach (long oid in _firedOids)
        {
            if (!_ordersByOid.TryGetValue(oid, out RestingOrder? o) || !o.Trigger.HasValue || o.IsTriggered) continue;
            o.IsTriggered = true;
            o.Tif = o.Trigger!.Value.IsMarket ? MatchingTif.Ioc : MatchingTif.Gtc;
            o.TimestampNs = tsNs;
            OpenOrder before = o.Snapshot();
            _sink.OnOrderUpdate(new OrderUpdate(before, OrderUpdateStatus.Triggered, tsNs));
            PlaceResult result = Execute(o, tsNs, out OrderUpdateStatus rejectStatus);
            if (result.IsError)
                _sink.OnOrderUpdate(new OrderUpdate(before with { SzRaw = 0 }, rejectStatus, tsNs));
            _triggered.Add(new TriggeredOrder(before, result));
            RunDeferred(tsNs);
        }
        _fired.Clear();
        RunDeferred(tsNs);
        LiquidateBelowMaintenance(market, tsNs);
        RunDeferred(tsNs);
        return _triggered;
    }

    /// <summary>Applies a funding rate to every position in a coin at its current mark; longs pay a positive rate.</summary>
    public void ApplyFunding(string coin, decimal rate, long tsNs)
    {
        long mark = MarketOf(coin).ValuationPxRaw;
        if (mark == 0) throw new InvalidOperationException($"coin {coin} has no mark price to apply funding at");
        ApplyFunding(coin, rate, mark, tsNs);
    }

    /// <summary>
    /// Applies a funding rate to every position in a coin valued at <paramref name="pxRaw"/> (e.g. the
    /// oracle price): each pays −szi × px × rate, settled; then liquidates accounts now below maintenance.
    /// </summary>
    public void ApplyFunding(string coin, decimal rate, long pxRaw, long tsNs)
    {
        if (pxRaw <= 0) throw new ArgumentOutOfRangeException(nameof(pxRaw), pxRaw, "funding price must be positive");
        Market market = MarketOf(coin);
        long mark = pxRaw;
        foreach (MarginPosition p in market.Holders)
        {
            decimal usdc = Ledger.Settle(-FixedMath.Notional(p.SziRaw, mark) * rate);
            p.Account.CashWad += FixedMath.ToWad(usdc);
            p.CumFundingAllTime -= usdc;
            p.CumFundingSinceOpen -= usdc;
            p.CumFundingSinceChange -= usdc;
            var payment = new FundingPayment(p.Account.Name, coin, p.SziRaw, rate, mark, usdc, tsNs);
            _sink.OnFunding(in payment);
        }
        LiquidateBelowMaintenance(market, tsNs);
        RunDeferred(tsNs);
    }

    private void LiquidateBelowMaintenance(Market market, long tsNs)
    {
        if (market.Holders.Count == 0) return;
        _scan.Clear();
        _scan.AddRange(market.Holders);
        // Deterministic order independent of how holders were swapped around.
        if (_scan.Count > 1) _scan.Sort(static (a, b) => a.Account.Sequence.CompareTo(b.Account.Sequence));
        foreach (MarginPosition p in _scan)
        {
            if (p.SziRaw == 0) continue; // closed by an earlier liquidation in this scan
            MarginAccount account = p.Account;
            if (MarginLedger.IsBelowMaintenance(account))
                Liquidate(account, FixedMath.FromWad(MarginLedger.AccountValueWad(account)), MarginLedger.MaintenanceMargin(account), tsNs);
        }
        _scan.Clear();
    }

    /// <summary>Cancels the account's orders and closes all its positions at the mark, without fees.</summary>
    private void Liquidate(MarginAccount account, decimal accountValue, decimal maintenance, long tsNs)
    {
        decimal totalNtl = 0m;
        foreach (MarginPosition p in account.Touched)
            if (p.SziRaw != 0) totalNtl += FixedMath.FromWad(p.PositionValueWad(p.Market.ValuationPxRaw));
        var liquidation = new Liquidation(account.Name, totalNtl, accountValue, maintenance, tsNs);
        _sink.OnLiquidation(in liquidation);
        CancelAll(account, tsNs, OrderUpdateStatus.LiquidatedCanceled);
        foreach (MarginPosition p in account.Touched)
        {
            if (p.SziRaw == 0) continue;
            long px = p.Market.ValuationPxRaw;
            long start = p.SziRaw;
            long size = Math.Abs(start);
            OrderSide side = start > 0 ? OrderSide.Sell : OrderSide.Buy;
            decimal pnl = Ledger.ToMoney(Ledger.ApplyFill(p, side, px, size, 0));
            var fill = new Fill(_nextTradeId++, p.Market.Coin, px, size, side, account.Name, 0, null, 0m, pnl, start,
                null, 0, null, 0m, 0m, 0, tsNs, IsLiquidation: true);
            _sink.OnFill(in fill);
        }
    }
}
