namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// <c>usdClassTransfer</c>: USDC between spot and perp. For a sub-account the amount carries
/// <c>" subaccount:0x…"</c> (PROTOCOL §5.8).
/// </summary>
public sealed class UsdClassTransferAction : IUserSignedAction
{
    public UsdClassTransferAction(decimal amount, bool toPerp, ulong nonce, string? subAccount = null)
    {
        var text = UserSignedArguments.Amount(amount, "amount");
        Amount = subAccount is null ? text : $"{text} subaccount:{UserSignedArguments.Address(subAccount, "subAccount")}";
        ToPerp = toPerp;
        Nonce = nonce;
    }

    public string Amount { get; }
    public bool ToPerp { get; }
    public ulong Nonce { get; }

    public UserSignedActionSchema Schema => UserSignedActionSchema.UsdClassTransfer;
    public IReadOnlyList<UserSignedValue> Values => [UserSignedValue.Of(Amount), UserSignedValue.Of(ToPerp), UserSignedValue.Of(Nonce)];
}
