namespace Halyard.Core.Model;

/// <summary>A currency or token by its code (USD, USDC, BTC) and the decimals it is accounted in.</summary>
public sealed record Currency(string Code, byte Precision)
{
    public static readonly Currency Usd = new("USD", 2);
    public static readonly Currency Usdc = new("USDC", 6);

    public override string ToString() => Code;
}
