using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Json;
using Halyard.Simulator.Market;

namespace Halyard.Simulator.Venue;

internal sealed partial class SimulatedExchange
{
    /// <summary>Mark (= fair) price of a coin.</summary>
    public decimal MarkPx(string coin) => FixedPoint.ToDecimal(Engine.GetMarkPxRaw(coin));

    /// <summary>Mid of the book, else the last trade, else the mark (what allMids shows).</summary>
    public decimal Mid(string coin)
    {
        var book = Engine.GetBook(coin);
        if (book.Mid is { } mid) return RoundMid(coin, mid);
        long last = Engine.GetLastTradePxRaw(coin);
        return last != 0 ? FixedPoint.ToDecimal(last) : MarkPx(coin);
    }

    public AssetContext ContextOf(string coin)
    {
        long now = NowMs();
        var (baseVolume, notional, firstOpen) = Candles.DayVolume(coin, now);
        var book = Engine.GetBook(coin);
        var bid = BookJson.Best(book, OrderSide.Buy);
        var ask = BookJson.Best(book, OrderSide.Sell);
        decimal mark = MarkPx(coin);
        return new AssetContext(
            Funding: FundingRate(coin),
            OpenInterest: OpenInterest(coin),
            PrevDayPx: firstOpen ?? InitialPx(coin),
            DayNtlVlm: notional,
            Premium: 0m,
            OraclePx: mark,
            MarkPx: mark,
            MidPx: book.Mid is { } mid ? RoundMid(coin, mid) : null,
            ImpactBid: bid is { } b ? FixedPoint.ToDecimal(b.PxRaw) : null,
            ImpactAsk: ask is { } a ? FixedPoint.ToDecimal(a.PxRaw) : null,
            DayBaseVlm: baseVolume);
    }

    /// <summary>A user's fills, newest first, at most <paramref name="limit"/>, optionally within [start, end] ms.</summary>
    public List<UserFill> FillsOf(string user, int limit, long startMs = long.MinValue, long endMs = long.MaxValue)
    {
        var result = new List<UserFill>();
        if (!_fills.TryGetValue(user, out var list)) return result;
        for (int i = list.Count - 1; i >= 0 && result.Count < limit; i--)
            if (list[i].TimeMs >= startMs && list[i].TimeMs <= endMs) result.Add(list[i]);
        return result;
    }

    /// <summary>A user's fills oldest first within [start, end] (userFillsByTime pages forward from startTime).</summary>
    public List<UserFill> FillsByTime(string user, long startMs, long endMs, int limit)
    {
        var result = new List<UserFill>();
        if (!_fills.TryGetValue(user, out var list)) return result;
        foreach (var fill in list)
        {
            if (fill.TimeMs < startMs || fill.TimeMs > endMs) continue;
            result.Add(fill);
            if (result.Count == limit) break;
        }
        return result;
    }

    public List<UserFunding> FundingsOf(string user, long startMs, long endMs)
    {
        var result = new List<UserFunding>();
        if (_userFundings.TryGetValue(user, out var list))
            foreach (var funding in list)
                if (funding.TimeMs >= startMs && funding.TimeMs <= endMs) result.Add(funding);
        return result;
    }

    public List<FundingRecord> FundingHistory(string coin, long startMs, long endMs)
    {
        var result = new List<FundingRecord>();
        if (_fundingHistory.TryGetValue(coin, out var list))
            foreach (var record in list)
                if (record.TimeMs >= startMs && record.TimeMs <= endMs && result.Count < 500) result.Add(record);
        return result;
    }

    /// <summary>The last known state of a user's order by oid.</summary>
    public OrderRecord? OrderOf(string user, long oid)
    {
        if (Engine.TryGetOrder(oid, out var live) && live.Account == user)
            return _orders.TryGetValue(oid, out var known) ? known with { Order = live } : new OrderRecord(live, "open", live.TimestampNs / 1_000_000);
        return _orders.TryGetValue(oid, out var record) && record.Order.Account == user ? record : null;
    }

    /// <summary>The last known state of a user's order by cloid.</summary>
    public OrderRecord? OrderOf(string user, string cloid) =>
        _cloids.TryGetValue((user, cloid), out long oid) ? OrderOf(user, oid) : null;

    public List<OpenOrder> OpenOrdersOf(string user)
    {
        var orders = new List<OpenOrder>();
        Engine.CopyOpenOrders(user, orders);
        return orders;
    }

    /// <summary>Records a past funding rate of a coin (generated history), keeping the latest 5000.</summary>
    public void RecordFundingRate(string coin, decimal rate, long timeMs)
    {
        if (!_fundingHistory.TryGetValue(coin, out var list)) _fundingHistory[coin] = list = [];
        list.Add(new FundingRecord(coin, rate, 0m, timeMs));
        if (list.Count > 5000) list.RemoveAt(0);
    }

    /// <summary>Applies one funding payment to every position of every coin and records the rates.</summary>
    public void ApplyFunding(Func<string, decimal> rateOf)
    {
        long nowMs = NowMs();
        foreach (var coin in Coins)
        {
            decimal rate = rateOf(coin.Name);
            _fundingRate[coin.Name] = rate;
            Engine.ApplyFunding(coin.Name, rate, nowMs * 1_000_000);
            RecordFundingRate(coin.Name, rate, nowMs);
        }
        Flush();
    }

    /// <summary>Sets (or with null clears) a user's dead man's switch; null when accepted, else the rejection.</summary>
    public string? ScheduleCancel(string user, long? timeMs)
    {
        if (timeMs is null)
        {
            _scheduledCancels.Remove(user);
            return null;
        }
        long now = NowMs();
        if (timeMs < now + 5_000) return "Scheduled cancel time too early, must be at least 5 seconds from now.";
        long day = now / 86_400_000;
        if (_scheduleCancelUses.TryGetValue(user, out var uses) && uses.Day == day && uses.Count >= 10)
            return "Too many scheduled cancels triggered today.";
        _scheduledCancels[user] = timeMs.Value;
        return null;
    }

    /// <summary>Fires the dead man's switches whose time has come (called from the market loop).</summary>
    public void FireScheduledCancels()
    {
        if (_scheduledCancels.Count == 0) return;
        long now = NowMs();
        List<string>? due = null;
        foreach (var (user, time) in _scheduledCancels)
            if (time <= now) (due ??= []).Add(user);
        if (due is null) return;
        long day = now / 86_400_000;
        foreach (string user in due)
        {
            _scheduledCancels.Remove(user);
            var uses = _scheduleCancelUses.TryGetValue(user, out var u) && u.Day == day ? u : (day, 0);
            _scheduleCancelUses[user] = (day, uses.Item2 + 1);
            Engine.CancelAll(user, now * 1_000_000, OrderUpdateStatus.ScheduledCancel);
        }
        Flush();
    }

    private decimal InitialPx(string coin) => Coins[_assetIds[coin]].InitialPx;

    private decimal RoundMid(string coin, decimal mid)
    {
        // The exchange prints mids with one more decimal than the price grid (e.g. "3602.05").
        int decimals = 6 - Coins[_assetIds[coin]].SzDecimals + 1;
        return Math.Round(mid, decimals, MidpointRounding.ToEven);
    }
}
