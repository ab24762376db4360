namespace Halyard.Core.Matching;

/// <summary>A funding payment applied to one position; <see cref="Usdc"/> is the change to the account (negative = paid).</summary>
public readonly record struct FundingPayment(string Account, string Coin, long SziRaw, decimal Rate, long MarkPxRaw, decimal Usdc, long TsNs);
