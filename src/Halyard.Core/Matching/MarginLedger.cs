using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// Cross-margin accounts in the settlement currency: cash, positions, leverage, fees, PnL, funding.
/// Owned by a <see cref="MatchingEngine"/>, which books every fill here; single-threaded like it.
/// Money is decimal and exact: notionals come from raw fixed-point products, never from doubles.
/// </summary>
public sealed class MarginLedger
{
    private readonly Dictionary<string, MarginAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Market> _markets;
    private readonly int _defaultLeverage;
    private readonly int _settlementDecimals;

    internal MarginLedger(Dictionary<string, Market> markets, int defaultLeverage, int settlementDecimals)
    {
        _markets = markets;
        _defaultLeverage = defaultLeverage;
        _settlementDecimals = settlementDecimals;
    }

    /// <summary>A cash flow rounded to the settlement precision (half to even).</summary>
    internal decimal Settle(decimal amount) => Math.Round(amount, _settlementDecimals, MidpointRounding.ToEven);

    internal int DefaultLeverage => _defaultLeverage;

    internal MarginAccount GetOrCreate(string name)
    {
        if (!_accounts.TryGetValue(name, out MarginAccount? account))
        {
            account = new MarginAccount(name, _accounts.Count);
            _accounts.Add(name, account);
        }
        return account;
    }

    internal bool TryGet(string name, out MarginAccount account) => _accounts.TryGetValue(name, out account!);

    /// <summary>Adds collateral to an account (created on first use).</summary>
    public void Deposit(string account, decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "deposit must be positive");
        GetOrCreate(account).Cash += amount;
    }

    /// <summary>Removes collateral if it is withdrawable; returns an error message otherwise.</summary>
    public string? Withdraw(string account, decimal amount)
    {
        if (amount <= 0) return "Withdrawal amount must be positive.";
        if (!_accounts.TryGetValue(account, out MarginAccount? state) || Withdrawable(state) < amount)
            return "Insufficient balance for withdrawal.";
        state.Cash -= amount;
        return null;
    }

    /// <summary>Sets the cross leverage of one coin for an account; 1 ≤ leverage ≤ the instrument's maximum.</summary>
    public string? UpdateLeverage(string account, string coin, int leverage)
    {
        if (!_markets.TryGetValue(coin, out Market? market)) return MatchingErrors.UnknownCoin(coin);
        if (leverage < 1 || leverage > market.Instrument.MaxLeverage) return MatchingErrors.InvalidLeverage;
        GetOrCreate(account).Get(market, _defaultLeverage).Leverage = leverage;
        return null;
    }

    /// <summary>Signed position size (raw) of an account in a coin; 0 when flat or unknown.</summary>
    public long PositionSziRaw(string account, string coin) =>
        _accounts.TryGetValue(account, out MarginAccount? state) && _markets.TryGetValue(coin, out Market? market)
            ? state.Find(market)?.SziRaw ?? 0
            : 0;

    /// <summary>Cash balance: deposits + realized PnL − fees + funding − withdrawals.</summary>
    public decimal Cash(string account) => _accounts.TryGetValue(account, out MarginAccount? state) ? state.Cash : 0m;

    public decimal AccountValue(string account) => _accounts.TryGetValue(account, out MarginAccount? state) ? AccountValue(state) : 0m;

    /// <summary>The account valued at the current marks, with one entry per open position.</summary>
    public MarginAccountSnapshot Snapshot(string account)
    {
        if (!_accounts.TryGetValue(account, out MarginAccount? state))
            return new MarginAccountSnapshot(account, 0m, 0m, 0m, 0m, 0m, 0m, []);
        decimal accountValue = AccountValue(state);
        decimal maintenance = MaintenanceMargin(state);
        decimal totalNtl = 0m, signedNtl = 0m, marginUsed = 0m;
        var positions = new List<MarginPositionSnapshot>();
        foreach (MarginPosition p in state.Touched)
        {
            if (p.SziRaw == 0) continue;
            long mark = p.Market.ValuationPxRaw;
            decimal value = p.PositionValue(mark);
            decimal margin = value / p.Leverage;
            decimal upnl = p.UnrealizedPnl(mark);
            totalNtl += value;
            signedNtl += p.SziRaw > 0 ? value : -value;
            marginUsed += margin;
            positions.Add(new MarginPositionSnapshot(
                p.Market.Coin, p.SziRaw, p.EntryPx, value, upnl, margin == 0 ? 0m : upnl / margin,
                LiquidationPx(p, accountValue, maintenance), margin, p.Leverage, p.Market.Instrument.MaxLeverage,
                p.RealizedPnl, p.CumFundingAllTime, p.CumFundingSinceOpen, p.CumFundingSinceChange));
        }
        return new MarginAccountSnapshot(account, accountValue, totalNtl, accountValue - signedNtl, marginUsed, maintenance,
            Withdrawable(state), positions);
    }

    internal static decimal AccountValue(MarginAccount account)
    {
        decimal value = account.Cash;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            if (p.SziRaw != 0) value += p.UnrealizedPnl(p.Market.ValuationPxRaw);
        }
        return value;
    }

    internal static decimal MaintenanceMargin(MarginAccount account)
    {
        decimal margin = 0m;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            if (p.SziRaw != 0) margin += p.PositionValue(p.Market.ValuationPxRaw) * p.Market.MaintenanceFraction;
        }
        return margin;
    }

    /// <summary>Initial margin of positions and working orders, counting extra order notional on <paramref name="extraFor"/>.</summary>
    internal static decimal RequiredMargin(MarginAccount account, MarginPosition? extraFor, Int128 extraBuyRaw, Int128 extraSellRaw)
    {
        decimal required = 0m;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            required += ReferenceEquals(p, extraFor)
                ? p.RequiredMargin(p.Market.ValuationPxRaw, extraBuyRaw, extraSellRaw)
                : p.RequiredMargin(p.Market.ValuationPxRaw, 0, 0);
        }
        return required;
    }

    internal static decimal Withdrawable(MarginAccount account) =>
        Math.Max(0m, AccountValue(account) - RequiredMargin(account, null, 0, 0));

    /// <summary>
    /// The mark at which account value meets maintenance margin with every other mark held:
    /// AV + s·(p − m) = MM_other + |s|·p·f  ⇒  p = (MM_other − AV + s·m) / (s − |s|·f); null when ≤ 0.
    /// </summary>
    private static decimal? LiquidationPx(MarginPosition p, decimal accountValue, decimal maintenance)
    {
        decimal s = FixedMath.ToDecimal(p.SziRaw);
        decimal mark = FixedMath.ToDecimal(p.Market.ValuationPxRaw);
        decimal f = p.Market.MaintenanceFraction;
        decimal otherMaintenance = maintenance - p.PositionValue(p.Market.ValuationPxRaw) * f;
        decimal denominator = s - Math.Abs(s) * f;
        if (denominator == 0) return null;
        decimal px = (otherMaintenance - accountValue + s * mark) / denominator;
        return px > 0 ? px : null;
    }

    /// <summary>Books one fill on one side: position, entry, realized PnL, fee (already settled).</summary>
    /// <returns>The PnL this fill realised (fees excluded).</returns>
    internal decimal ApplyFill(MarginPosition p, OrderSide side, long pxRaw, long szRaw, decimal fee)
    {
        long start = p.SziRaw;
        long delta = side == OrderSide.Buy ? szRaw : -szRaw;
        decimal closedPnl = 0m;
        if (start == 0 || (start > 0) == (delta > 0))
        {
            p.EntryNotional += FixedMath.Notional(szRaw, pxRaw);
            if (start == 0) p.CumFundingSinceOpen = 0m;
        }
        else
        {
            long held = Math.Abs(start);
            long closeSz = Math.Min(held, szRaw);
            // A proportional share of the cost basis can be a repeating decimal: cut it at 18 places
            // (the scale of raw notionals) so the remaining basis stays an exact decimal.
            decimal closedCost = closeSz == held
                ? p.EntryNotional
                : Math.Round(p.EntryNotional * FixedMath.ToDecimal(closeSz) / FixedMath.ToDecimal(held), 18, MidpointRounding.ToEven);
            decimal closedValue = FixedMath.Notional(closeSz, pxRaw);
            closedPnl = Settle(start > 0 ? closedValue - closedCost : closedCost - closedValue);
            p.EntryNotional -= closedCost;
            long openSz = szRaw - closeSz;
            if (openSz > 0)
            {
                p.EntryNotional = FixedMath.Notional(openSz, pxRaw); // flipped: a fresh position
                p.CumFundingSinceOpen = 0m;
            }
        }
        p.SziRaw = start + delta;
        p.CumFundingSinceChange = 0m;
        if (p.SziRaw == 0) p.EntryNotional = 0m;
        p.RealizedPnl += closedPnl;
        p.Account.Cash += closedPnl - fee;
        UpdateHolders(p, start);
        return closedPnl;
    }

    private static void UpdateHolders(MarginPosition p, long start)
    {
        List<MarginPosition> holders = p.Market.Holders;
        if (start == 0 && p.SziRaw != 0)
        {
            p.HolderIndex = holders.Count;
            holders.Add(p);
        }
        else if (start != 0 && p.SziRaw == 0)
        {
            int i = p.HolderIndex;
            MarginPosition last = holders[^1];
            holders[i] = last;
            last.HolderIndex = i;
            holders.RemoveAt(holders.Count - 1);
            p.HolderIndex = -1;
        }
    }
}
