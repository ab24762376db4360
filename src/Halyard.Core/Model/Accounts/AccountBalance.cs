namespace Halyard.Core.Model;

/// <summary>One currency's balance: <see cref="Total"/> = <see cref="Locked"/> + <see cref="Free"/>.</summary>
public readonly record struct AccountBalance
{
    public AccountBalance(Money total, Money locked, Money free)
    {
        if (total.Currency != locked.Currency || total.Currency != free.Currency)
            throw new ArgumentException($"balance amounts must share one currency, were {total.Currency}/{locked.Currency}/{free.Currency}", nameof(total));
        if (total.Amount != locked.Amount + free.Amount)
            throw new ArgumentException($"balance total {total} must equal locked {locked} + free {free}", nameof(total));
        Total = total;
        Locked = locked;
        Free = free;
    }

    /// <summary>A balance with <paramref name="locked"/> of <paramref name="total"/> set aside; the rest is free.</summary>
    public static AccountBalance FromTotal(Money total, Money locked) => new(total, locked, total - locked);

    public Money Total { get; }
    public Money Locked { get; }
    public Money Free { get; }
    public Currency Currency => Total.Currency;
}
