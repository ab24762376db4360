namespace Halyard.Hyperliquid.Wire;

/// <summary><c>approveBuilderFee</c>: lets a builder charge up to <c>maxFeeRate</c> (a percent string, e.g. "0.001%").</summary>
public sealed class ApproveBuilderFeeAction : IUserSignedAction
{
    public ApproveBuilderFeeAction(string maxFeeRate, string builder, ulong nonce)
    {
        if (maxFeeRate is null || maxFeeRate.Length < 2 || maxFeeRate[^1] != '%' || !WireNumber.IsCanonical(maxFeeRate[..^1]))
            throw new ArgumentException("maxFeeRate must be a percent string such as \"0.001%\"", nameof(maxFeeRate));
        MaxFeeRate = maxFeeRate;
        Builder = UserSignedArguments.Address(builder, "builder");
        Nonce = nonce;
    }

    public string MaxFeeRate { get; }
    public string Builder { get; }
    public ulong Nonce { get; }

    public UserSignedActionSchema Schema => UserSignedActionSchema.ApproveBuilderFee;
    public IReadOnlyList<UserSignedValue> Values => [UserSignedValue.Of(MaxFeeRate), UserSignedValue.Of(Builder), UserSignedValue.Of(Nonce)];
}
