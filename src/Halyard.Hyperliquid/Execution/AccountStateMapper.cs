using Halyard.Core.Model;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Execution;

/// <summary>Turns <c>clearinghouseState</c> into the kernel's <see cref="AccountState"/>: account value in USDC, margin in use locked.</summary>
public static class AccountStateMapper
{
    public static AccountState From(AccountId accountId, ClearinghouseState state, long tsInit)
    {
        ArgumentNullException.ThrowIfNull(state);
        Currency usdc = Currency.Usdc;
        decimal total = Math.Round(state.MarginSummary.AccountValue, usdc.Precision, MidpointRounding.ToEven);
        decimal locked = Math.Clamp(Math.Round(state.MarginSummary.TotalMarginUsed, usdc.Precision, MidpointRounding.ToEven), 0m, Math.Max(0m, total));
        return new AccountState(accountId, AccountType.Margin, usdc,
            [AccountBalance.FromTotal(new Money(total, usdc), new Money(locked, usdc))], [], IsReported: true,
            Guid.NewGuid(), state.Time * 1_000_000, tsInit);
    }
}
