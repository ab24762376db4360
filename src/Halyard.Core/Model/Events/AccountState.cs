namespace Halyard.Core.Model;

/// <summary>
/// An account's balances and margins at one moment. <see cref="IsReported"/> is true when the venue sent
/// them (the truth, applied as a snapshot) and false when we calculated them locally.
/// </summary>
public sealed record AccountState(
    AccountId AccountId,
    AccountType AccountType,
    Currency? BaseCurrency,
    IReadOnlyList<AccountBalance> Balances,
    IReadOnlyList<MarginBalance> Margins,
    bool IsReported,
    Guid EventId,
    long TsEvent,
    long TsInit);
