using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// Cross-margin accounts in the settlement currency: cash, positions, leverage, fees, PnL, funding.
/// Owned by a <see cref="MatchingEngine"/>, which books every fill here; single-threaded like it.
/// Money is exact: hot paths use Int128 wads (10^18) built from raw fixed-point products, reports use
/// decimal; cash flows (fees, realized PnL, funding) are rounded half-even to the settlement decimals.
/// </summary>
public sealed partial class MarginLedger
{
    private readonly Dictionary<string, MarginAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Market> _markets;
    private readonly int _defaultLeverage;
    private readonly int _settlementDecimals;
    private readonly Int128 _settlementUnit;     // 10^(18 − d): one settlement unit in wads
    private readonly Int128 _feeSettlementUnit;  // the same at the 10^27 scale of notional × rate

    internal MarginLedger(Dictionary<string, Market> markets, int defaultLeverage, int settlementDecimals)
    {
        _markets = markets;
        _defaultLeverage = defaultLeverage;
        _settlementDecimals = settlementDecimals;
        _settlementUnit = FixedMath.Pow10(18 - settlementDecimals);
        _feeSettlementUnit = FixedMath.Pow10(27 - settlementDecimals);
    }

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

    /// <summary>A cash flow (wad) rounded half-even to the settlement precision.</summary>
    internal Int128 Settle(Int128 wad) => FixedMath.RoundDiv(wad, _settlementUnit) * _settlementUnit;

    /// <summary>A decimal cash flow rounded half-even to the settlement precision (cold paths such as funding).</summary>
    internal decimal Settle(decimal amount) => Math.Round(amount, _settlementDecimals, MidpointRounding.ToEven);

    /// <summary>notional × rate (raw 10^9), settled; negative rates are rebates.</summary>
    internal Int128 Fee(Int128 notionalWad, long rateRaw) =>
        rateRaw == 0 ? 0 : FixedMath.RoundDiv(checked(notionalWad * rateRaw), _feeSettlementUnit) * _settlementUnit;

    /// <summary>A settled wad as a decimal with exactly the settlement decimals ("0.525000").</summary>
    internal decimal ToMoney(Int128 settledWad) => FixedMath.FromSettled(settledWad, _settlementDecimals);

    /// <summary>Adds collateral to an account (created on first use).</summary>
    public void Deposit(string account, decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "deposit must be positive");
        GetOrCreate(account).CashWad += FixedMath.ToWad(amount);
    }

    /// <summary>Removes collateral if it is withdrawable; returns an error message otherwise.</summary>
    public string? Withdraw(string account, decimal amount)
    {
        if (amount <= 0) return "Withdrawal amount must be positive.";
        if (!_accounts.TryGetValue(account, out MarginAccount? state) || WithdrawableWad(state) < FixedMath.ToWad(amount))
            return "Insufficient balance for withdrawal.";
        state.CashWad -= FixedMath.ToWad(amount);
        return null;
    }

    /// <summary>
    /// Sets the cross leverage of one coin for an account; 1 ≤ leverage ≤ the instrument's maximum, and
    /// lowering it must leave the account's initial margin covered by its value.
    /// </summary>
    public string? UpdateLeverage(string account, string coin, int leverage)
    {
        if (!_markets.TryGetValue(coin, out Market? market)) return MatchingErrors.UnknownCoin(coin);
        if (leverage < 1 || leverage > market.Instrument.MaxLeverage) return MatchingErrors.InvalidLeverage;
        MarginAccount state = GetOrCreate(account);
        MarginPosition position = state.Get(market, _defaultLeverage);
        int previous = position.Leverage;
        position.Leverage = leverage;
        if (leverage < previous && RequiredMarginWad(state, null, 0, 0) > AccountValueWad(state))
        {
            position.Leverage = previous;
            return MatchingErrors.InsufficientMarginForLeverage;
        }
        return null;
    }

    /// <summary>The leverage an account uses in a coin (the default until it sets one).</summary>
    public int Leverage(string account, string coin)
    {
        if (!_markets.TryGetValue(coin, out Market? market)) throw new KeyNotFoundException($"unknown coin '{coin}'");
        return _accounts.TryGetValue(account, out MarginAccount? state) && state.Find(market) is { } p
            ? p.Leverage
            : Math.Min(_defaultLeverage, market.Instrument.MaxLeverage);
    }

    /// <summary>Signed position size (raw) of an account in a coin; 0 when flat or unknown.</summary>
    public long PositionSziRaw(string account, string coin) =>
        _accounts.TryGetValue(account, out MarginAccount? state) && _markets.TryGetValue(coin, out Market? market)
            ? state.Find(market)?.SziRaw ?? 0
            : 0;

    /// <summary>Cash balance: deposits + realized PnL − fees + funding − withdrawals.</summary>
    public decimal Cash(string account) =>
        _accounts.TryGetValue(account, out MarginAccount? state) ? FixedMath.FromWad(state.CashWad) : 0m;

    /// <summary>Cash plus unrealized PnL at the current marks.</summary>
    public decimal AccountValue(string account) =>
        _accounts.TryGetValue(account, out MarginAccount? state) ? FixedMath.FromWad(AccountValueWad(state)) : 0m;

    internal static Int128 AccountValueWad(MarginAccount account)
    {
        Int128 value = account.CashWad;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            if (p.SziRaw != 0) value += p.UnrealizedPnlWad(p.Market.ValuationPxRaw);
        }
        return value;
    }

    /// <summary>Maintenance margin at the scale 10^27 (wad × raw fraction), exact.</summary>
    internal static Int128 MaintenanceMargin27(MarginAccount account)
    {
        Int128 margin = 0;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            if (p.SziRaw != 0) margin += p.PositionValueWad(p.Market.ValuationPxRaw) * p.Market.MaintenanceFractionRaw;
        }
        return margin;
    }

    internal static bool IsBelowMaintenance(MarginAccount account) =>
        AccountValueWad(account) * FixedPoint.ScaleFactor < MaintenanceMargin27(account);

    /// <summary>Initial margin of positions and working orders (wad), counting extra order notional on <paramref name="extraFor"/>.</summary>
    internal static Int128 RequiredMarginWad(MarginAccount account, MarginPosition? extraFor, Int128 extraBuyRaw, Int128 extraSellRaw)
    {
        Int128 required = 0;
        List<MarginPosition> touched = account.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            MarginPosition p = touched[i];
            required += ReferenceEquals(p, extraFor)
                ? p.RequiredMarginWad(p.Market.ValuationPxRaw, extraBuyRaw, extraSellRaw)
                : p.RequiredMarginWad(p.Market.ValuationPxRaw, 0, 0);
        }
        return required;
    }

    internal static Int128 WithdrawableWad(MarginAccount account)
    {
        Int128 free = AccountValueWad(account) - RequiredMarginWad(account, null, 0, 0);
        return free > 0 ? free : 0;
    }

    /// <summary>Books one fill on one side: position, entry, realized PnL, fee (already settled).</summary>
    /// <returns>The PnL this fill realised (settled wad, fees excluded).</returns>
    internal Int128 ApplyFill(MarginPosition p, OrderSide side, long pxRaw, long szRaw, Int128 feeWad)
    {
        long start = p.SziRaw;
        long delta = side == OrderSide.Buy ? szRaw : -szRaw;
        Int128 closedPnl = 0;
        if (start == 0 || (start > 0) == (delta > 0))
        {
            p.EntryNtlWad += FixedMath.RawNotional(szRaw, pxRaw);
            if (start == 0) p.CumFundingSinceOpen = 0m;
        }
        else
        {
            long held = Math.Abs(start);
            long closeSz = Math.Min(held, szRaw);
            // The closed share of the cost basis, truncated at 10^-18: the remaining basis stays exact.
            Int128 closedCost = closeSz == held ? p.EntryNtlWad : FixedMath.MulDiv(p.EntryNtlWad, closeSz, held);
            Int128 closedValue = FixedMath.RawNotional(closeSz, pxRaw);
            closedPnl = Settle(start > 0 ? closedValue - closedCost : closedCost - closedValue);
            p.EntryNtlWad -= closedCost;
            long openSz = szRaw - closeSz;
            if (openSz > 0)
            {
                p.EntryNtlWad = FixedMath.RawNotional(openSz, pxRaw); // flipped: a fresh position
                p.CumFundingSinceOpen = 0m;
            }
        }
        p.SziRaw = start + delta;
        p.CumFundingSinceChange = 0m;
        if (p.SziRaw == 0) p.EntryNtlWad = 0;
        p.RealizedPnlWad += closedPnl;
        p.Account.CashWad += closedPnl - feeWad;
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
