using Halyard.Core.Cache;
using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>Account equity as the risk manager and sizing see it, from the cache alone.</summary>
public static class AccountEquity
{
    /// <summary>
    /// Every account's balance (in its base currency when it has one) plus the unrealized PnL of the open positions
    /// at the cache's closing-side price. Null before any account is known.
    /// </summary>
    public static decimal? Of(ICache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        IReadOnlyList<Account> accounts = cache.Accounts();
        if (accounts.Count == 0) return null;
        decimal equity = 0;
        foreach (Account account in accounts)
        {
            if (account.BaseCurrency is Currency currency) equity += account.Total(currency).Amount;
            else foreach (AccountBalance balance in account.Balances.Values) equity += balance.Total.Amount;
        }
        foreach (Position position in cache.PositionsOpen())
            if (cache.Price(position.InstrumentId, position.IsLong ? OrderSide.Sell : OrderSide.Buy) is Price px)
                equity += position.UnrealizedPnl(px).Amount;
        return equity;
    }
}
