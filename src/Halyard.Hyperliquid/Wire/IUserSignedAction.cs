namespace Halyard.Hyperliquid.Wire;

/// <summary>An action signed with EIP-712 directly over its fields (PROTOCOL §5.8, §7).</summary>
public interface IUserSignedAction
{
    UserSignedActionSchema Schema { get; }

    /// <summary>The time/nonce field; the request envelope's nonce must equal it.</summary>
    ulong Nonce { get; }

    /// <summary>Values of <see cref="UserSignedActionSchema.Fields"/> after <c>hyperliquidChain</c>, in type order.</summary>
    IReadOnlyList<UserSignedValue> Values { get; }
}
