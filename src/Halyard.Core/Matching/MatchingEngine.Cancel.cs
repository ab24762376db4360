namespace Halyard.Core.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Cancels a live order (resting or waiting for its trigger) of <paramref name="account"/> in <paramref name="coin"/>.</summary>
    public CancelResult Cancel(string account, string coin, long oid, long tsNs)
    {
        if (!_ordersByOid.TryGetValue(oid, out RestingOrder? o) || o.Account.Name != account || o.Market.Coin != coin)
            return CancelResult.NotFound;
        Retire(o, OrderUpdateStatus.Canceled, tsNs);
        RunDeferred(tsNs);
        return CancelResult.Success;
    }

    public CancelResult CancelByCloid(string account, string coin, string cloid, long tsNs)
    {
        if (FindByCloid(account, cloid) is not { } o || o.Market.Coin != coin) return CancelResult.NotFound;
        Retire(o, OrderUpdateStatus.Canceled, tsNs);
        RunDeferred(tsNs);
        return CancelResult.Success;
    }

    /// <summary>
    /// Cancels every live order of an account (the dead man's switch); returns how many.
    /// Orders go in account order, newest first; each is reported with <paramref name="status"/>.
    /// </summary>
    public int CancelAll(string account, long tsNs, OrderUpdateStatus status = OrderUpdateStatus.ScheduledCancel)
    {
        if (!Ledger.TryGet(account, out MarginAccount state)) return 0;
        int count = CancelAll(state, tsNs, status);
        RunDeferred(tsNs);
        return count;
    }

    private int CancelAll(MarginAccount state, long tsNs, OrderUpdateStatus status)
    {
        int count = 0;
        while (state.OrdersHead is { } o)
        {
            Retire(o, status, tsNs);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Cancel-replace: cancels order <paramref name="oid"/> and places <paramref name="replacement"/>
    /// with a NEW oid (it loses time priority) and the old cloid unless the replacement names one.
    /// The replacement is validated first, so an invalid one leaves the old order working.
    /// </summary>
    public PlaceResult Modify(string account, long oid, in MatchingOrder replacement, long tsNs)
    {
        if (!_ordersByOid.TryGetValue(oid, out RestingOrder? o) || o.Account.Name != account)
            return PlaceResult.Rejected(MatchingErrors.ModifyNotFound);
        return Replace(o, in replacement, tsNs);
    }

    public PlaceResult ModifyByCloid(string account, string cloid, in MatchingOrder replacement, long tsNs)
    {
        if (FindByCloid(account, cloid) is not { } o) return PlaceResult.Rejected(MatchingErrors.ModifyNotFound);
        return Replace(o, in replacement, tsNs);
    }

    private PlaceResult Replace(RestingOrder old, in MatchingOrder replacement, long tsNs)
    {
        if (replacement.Account != old.Account.Name || replacement.Coin != old.Market.Coin)
            return PlaceResult.Rejected("Modify must keep the account and coin of the order.");
        Market market = old.Market;
        if (Validate(market, in replacement) is { } error) return PlaceResult.Rejected(error);
        string? cloid = replacement.Cloid ?? old.Cloid;
        MarginAccount account = old.Account;
        if (replacement.Cloid is not null && replacement.Cloid != old.Cloid &&
            account.ByCloid is { } byCloid && byCloid.ContainsKey(replacement.Cloid))
            return PlaceResult.Rejected(MatchingErrors.DuplicateCloid);
        Retire(old, OrderUpdateStatus.Canceled, tsNs);
        PlaceResult result = PlaceNew(market, account, in replacement, cloid, tsNs);
        RunDeferred(tsNs);
        return result;
    }

    private RestingOrder? FindByCloid(string account, string cloid) =>
        Ledger.TryGet(account, out MarginAccount state) && state.ByCloid is { } byCloid && byCloid.TryGetValue(cloid, out RestingOrder? o)
            ? o
            : null;
}
