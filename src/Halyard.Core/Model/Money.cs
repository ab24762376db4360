namespace Halyard.Core.Model;

/// <summary>An exact amount of a currency (balances, PnL, fees).</summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    private static Currency SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency
        : throw new InvalidOperationException($"cannot combine {a.Currency} and {b.Currency}");

    public override string ToString() => $"{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Currency.Code}";
}
