namespace Halyard.Hyperliquid.Wire;

/// <summary><c>sendAsset</c>: a token between dexes/accounts; <c>fromSubAccount</c> is "" or a sub-account address.</summary>
public sealed class SendAssetAction(
    string destination, string sourceDex, string destinationDex, string token, decimal amount, string? fromSubAccount, ulong nonce)
    : IUserSignedAction
{
    public string Destination { get; } = UserSignedArguments.Address(destination, "destination");
    public string SourceDex { get; } = UserSignedArguments.Text(sourceDex, "sourceDex");
    public string DestinationDex { get; } = UserSignedArguments.Text(destinationDex, "destinationDex");
    public string Token { get; } = UserSignedArguments.Text(token, "token");
    public string Amount { get; } = UserSignedArguments.Amount(amount, "amount");
    public string FromSubAccount { get; } = string.IsNullOrEmpty(fromSubAccount) ? "" : UserSignedArguments.Address(fromSubAccount, "fromSubAccount");
    public ulong Nonce { get; } = nonce;

    public UserSignedActionSchema Schema => UserSignedActionSchema.SendAsset;
    public IReadOnlyList<UserSignedValue> Values =>
    [
        UserSignedValue.Of(Destination), UserSignedValue.Of(SourceDex), UserSignedValue.Of(DestinationDex),
        UserSignedValue.Of(Token), UserSignedValue.Of(Amount), UserSignedValue.Of(FromSubAccount), UserSignedValue.Of(Nonce),
    ];
}
