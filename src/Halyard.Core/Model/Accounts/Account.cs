namespace Halyard.Core.Model;

/// <summary>
/// An account's balances per currency and, for a margin account, margin per instrument. The venue's
/// <see cref="AccountState"/> snapshots are the truth and replace what we hold; between them we apply
/// fills' commissions and realized PnL, and margin changes, locally. Locked balance is the sum of initial
/// and maintenance margins in that currency; free = total − locked (negative when under-margined).
/// </summary>
public sealed class Account
{
    private readonly Dictionary<Currency, AccountBalance> _balances = [];
    private readonly Dictionary<InstrumentId, MarginBalance> _margins = [];
    private readonly List<AccountState> _states = [];

    /// <summary>Creates the account from its first state (usually the venue's).</summary>
    public Account(AccountState initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        Id = initial.AccountId;
        Type = initial.AccountType;
        BaseCurrency = initial.BaseCurrency;
        if (!Apply(initial, out string? error)) throw new ArgumentException(error, nameof(initial));
    }

    public AccountId Id { get; }
    public AccountType Type { get; }
    /// <summary>The currency balances are reported in, when the account has a single one.</summary>
    public Currency? BaseCurrency { get; }
    public IReadOnlyDictionary<Currency, AccountBalance> Balances => _balances;
    /// <summary>Margins per instrument (margin accounts only).</summary>
    public IReadOnlyDictionary<InstrumentId, MarginBalance> Margins => _margins;
    /// <summary>Every state applied, oldest first.</summary>
    public IReadOnlyList<AccountState> States => _states;
    /// <summary>TsEvent of the last venue-reported state; older reported states are stale.</summary>
    public long TsLastReported { get; private set; } = long.MinValue;
    public long TsLast { get; private set; }

    public AccountBalance? Balance(Currency currency) => _balances.TryGetValue(currency, out var b) ? b : null;
    public Money Total(Currency currency) => Balance(currency)?.Total ?? Money.Zero(currency);
    public Money Free(Currency currency) => Balance(currency)?.Free ?? Money.Zero(currency);
    public Money Locked(Currency currency) => Balance(currency)?.Locked ?? Money.Zero(currency);

    /// <summary>
    /// Applies a state snapshot: balances and margins are replaced wholesale. A reported state older than the
    /// last reported one is refused as stale, and so is a state for another account.
    /// </summary>
    public bool Apply(AccountState state, out string? error)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.AccountId != Id) { error = $"account state for {state.AccountId} cannot apply to account {Id}"; return false; }
        if (state.IsReported && state.TsEvent < TsLastReported)
        {
            error = $"stale account state for {Id}: reported at {state.TsEvent}, already have {TsLastReported}";
            return false;
        }
        if (Type == AccountType.Cash && state.Margins.Count > 0) { error = $"cash account {Id} cannot hold margins"; return false; }
        _balances.Clear();
        foreach (AccountBalance balance in state.Balances) _balances[balance.Currency] = balance;
        _margins.Clear();
        foreach (MarginBalance margin in state.Margins) _margins[margin.InstrumentId] = margin;
        if (state.IsReported) TsLastReported = state.TsEvent;
        TsLast = Math.Max(TsLast, state.TsEvent);
        _states.Add(state);
        error = null;
        return true;
    }

    /// <summary>Deducts a fill's commission (adds a rebate) from the balance of the commission currency.</summary>
    public void ApplyCommission(OrderFilled fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        Adjust(-fill.Commission, fill.TsEvent);
    }

    /// <summary>Adds realized PnL (negative for a loss) to the balance of its currency, e.g. when a perpetual position is reduced.</summary>
    public void ApplyRealizedPnl(Money pnl, long tsEvent) => Adjust(pnl, tsEvent);

    /// <summary>Sets the margin held for one instrument and recomputes the locked balance of its currency.</summary>
    public void SetMargin(MarginBalance margin, long tsEvent)
    {
        if (Type != AccountType.Margin) throw new InvalidOperationException($"cash account {Id} has no margin");
        _margins[margin.InstrumentId] = margin;
        Relock(margin.Currency);
        TsLast = Math.Max(TsLast, tsEvent);
    }

    /// <summary>Releases the margin of one instrument (its orders and position are gone).</summary>
    public void ClearMargin(InstrumentId instrumentId, long tsEvent)
    {
        if (!_margins.Remove(instrumentId, out MarginBalance margin)) return;
        Relock(margin.Currency);
        TsLast = Math.Max(TsLast, tsEvent);
    }

    /// <summary>The account's current balances and margins as a locally calculated state, to publish after local changes.</summary>
    public AccountState Snapshot(Guid eventId, long tsInit) =>
        new(Id, Type, BaseCurrency, [.. _balances.Values], [.. _margins.Values], IsReported: false, eventId, TsLast, tsInit);

    private void Adjust(Money amount, long tsEvent)
    {
        if (amount.Amount == 0m) return;
        AccountBalance current = Balance(amount.Currency) ?? AccountBalance.FromTotal(Money.Zero(amount.Currency), Money.Zero(amount.Currency));
        _balances[amount.Currency] = AccountBalance.FromTotal(current.Total + amount, current.Locked);
        TsLast = Math.Max(TsLast, tsEvent);
    }

    private void Relock(Currency currency)
    {
        decimal locked = 0m;
        foreach (MarginBalance m in _margins.Values)
        {
            if (m.Currency == currency) locked += m.Initial.Amount + m.Maintenance.Amount;
        }
        Money total = Total(currency);
        _balances[currency] = AccountBalance.FromTotal(total, new Money(locked, currency));
    }
}
