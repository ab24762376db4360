namespace Halyard.Hyperliquid.Wire;

/// <summary><c>spotSend</c>: a spot token to another address; <c>token</c> is "NAME:0x&lt;tokenId&gt;".</summary>
public sealed class SpotSendAction(string destination, string token, decimal amount, ulong time) : IUserSignedAction
{
    public string Destination { get; } = UserSignedArguments.Address(destination, "destination");
    public string Token { get; } = UserSignedArguments.Text(token, "token");
    public string Amount { get; } = UserSignedArguments.Amount(amount, "amount");
    public ulong Time { get; } = time;

    public UserSignedActionSchema Schema => UserSignedActionSchema.SpotSend;
    public ulong Nonce => Time;
    public IReadOnlyList<UserSignedValue> Values =>
        [UserSignedValue.Of(Destination), UserSignedValue.Of(Token), UserSignedValue.Of(Amount), UserSignedValue.Of(Time)];
}
