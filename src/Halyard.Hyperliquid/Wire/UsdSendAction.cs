namespace Halyard.Hyperliquid.Wire;

/// <summary><c>usdSend</c>: USDC to another address on Hyperliquid. Signed by the master key.</summary>
public sealed class UsdSendAction(string destination, decimal amount, ulong time) : IUserSignedAction
{
    public string Destination { get; } = UserSignedArguments.Address(destination, "destination");
    public string Amount { get; } = UserSignedArguments.Amount(amount, "amount");
    public ulong Time { get; } = time;

    public UserSignedActionSchema Schema => UserSignedActionSchema.UsdSend;
    public ulong Nonce => Time;
    public IReadOnlyList<UserSignedValue> Values => [UserSignedValue.Of(Destination), UserSignedValue.Of(Amount), UserSignedValue.Of(Time)];
}
