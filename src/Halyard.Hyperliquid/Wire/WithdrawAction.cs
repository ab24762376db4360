namespace Halyard.Hyperliquid.Wire;

/// <summary><c>withdraw3</c> (EIP-712 <c>HyperliquidTransaction:Withdraw</c>): USDC to the bridge. Master key only.</summary>
public sealed class WithdrawAction(string destination, decimal amount, ulong time) : IUserSignedAction
{
    public string Destination { get; } = UserSignedArguments.Address(destination, "destination");
    public string Amount { get; } = UserSignedArguments.Amount(amount, "amount");
    public ulong Time { get; } = time;

    public UserSignedActionSchema Schema => UserSignedActionSchema.Withdraw;
    public ulong Nonce => Time;
    public IReadOnlyList<UserSignedValue> Values => [UserSignedValue.Of(Destination), UserSignedValue.Of(Amount), UserSignedValue.Of(Time)];
}
