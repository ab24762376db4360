namespace Halyard.Core.Model;

/// <summary>Identifies an account at a venue, as ISSUER-NUMBER (e.g. <c>VENUE-0xabc…</c>).</summary>
public readonly record struct AccountId
{
    public string Value { get; }

    public AccountId(string value)
    {
        IdentifierRules.Check(value, "account id");
        int hyphen = value.IndexOf('-');
        if (hyphen <= 0 || hyphen == value.Length - 1)
            throw new ArgumentException($"account id '{value}' must be ISSUER-NUMBER with a hyphen, e.g. VENUE-0x1234", nameof(value));
        Value = value;
    }

    /// <summary>An account of <paramref name="venue"/>: <c>{VENUE}-{number}</c>.</summary>
    public static AccountId For(Venue venue, string number) => new($"{venue.Name}-{number}");

    /// <summary>The issuer, before the first hyphen (the venue name).</summary>
    public string Issuer => Value[..Value.IndexOf('-')];

    /// <summary>The account number, after the first hyphen (e.g. a wallet address).</summary>
    public string Number => Value[(Value.IndexOf('-') + 1)..];

    public override string ToString() => Value ?? "";
}
