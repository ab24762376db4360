using System.Buffers.Binary;
using System.Text;

namespace Halyard.Hyperliquid.Signing;

/// <summary>The EIP-712 pieces Hyperliquid uses (PROTOCOL §6 step 7 and §7): domains, the Agent type, digests.</summary>
public static class Eip712
{
    /// <summary>The EIP712Domain type string both Hyperliquid domains use.</summary>
    public const string DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /// <summary>The phantom-agent type L1 actions are signed as.</summary>
    public const string AgentType = "Agent(string source,bytes32 connectionId)";

    /// <summary>The chain id user-signed actions use unless configured otherwise ("0x66eee").</summary>
    public const ulong DefaultSignatureChainId = 0x66eee;

    public static Bytes32 DomainTypeHash { get; } = Keccak256.HashUtf8(DomainType);

    public static Bytes32 AgentTypeHash { get; } = Keccak256.HashUtf8(AgentType);

    /// <summary>Domain {Exchange, 1, 1337, 0x0}: the same on mainnet and testnet.</summary>
    public static Bytes32 L1DomainSeparator { get; } = DomainSeparator("Exchange", "1", 1337);

    private static readonly Bytes32 MainnetSourceHash = Keccak256.HashUtf8("a");
    private static readonly Bytes32 TestnetSourceHash = Keccak256.HashUtf8("b");
    private static readonly Bytes32 DefaultUserDomain = UserSignedDomainSeparator(DefaultSignatureChainId);

    /// <summary>Separator of a domain {name, version, chainId, verifyingContract = 0x0}.</summary>
    public static Bytes32 DomainSeparator(string name, string version, ulong chainId)
    {
        Span<byte> encoded = stackalloc byte[5 * 32];
        encoded.Clear();
        DomainTypeHash.CopyTo(encoded);
        Keccak256.Hash(Encoding.UTF8.GetBytes(name), encoded[32..]);
        Keccak256.Hash(Encoding.UTF8.GetBytes(version), encoded[64..]);
        BinaryPrimitives.WriteUInt64BigEndian(encoded[(96 + 24)..], chainId);
        // verifyingContract: 32 zero bytes, already cleared.
        return Keccak256.Hash(encoded);
    }

    /// <summary>Domain {HyperliquidSignTransaction, 1, chainId, 0x0} of user-signed actions.</summary>
    public static Bytes32 UserSignedDomainSeparator(ulong signatureChainId) =>
        signatureChainId == DefaultSignatureChainId && DefaultUserDomain != default
            ? DefaultUserDomain
            : DomainSeparator("HyperliquidSignTransaction", "1", signatureChainId);

    /// <summary>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static void Digest(ReadOnlySpan<byte> domainSeparator32, ReadOnlySpan<byte> structHash32, Span<byte> digest32)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator32.CopyTo(buffer[2..34]);
        structHash32.CopyTo(buffer[34..66]);
        Keccak256.Hash(buffer, digest32);
    }

    public static Bytes32 Digest(Bytes32 domainSeparator, Bytes32 structHash)
    {
        Span<byte> digest = stackalloc byte[32];
        Digest(domainSeparator.Span, structHash.Span, digest);
        return new Bytes32(digest);
    }

    /// <summary>The digest an L1 action is signed over: Agent{source: "a"|"b", connectionId} in the Exchange domain.</summary>
    public static void L1Digest(ReadOnlySpan<byte> connectionId32, bool isMainnet, Span<byte> digest32)
    {
        Span<byte> structData = stackalloc byte[96];
        AgentTypeHash.CopyTo(structData);
        (isMainnet ? MainnetSourceHash : TestnetSourceHash).CopyTo(structData[32..]);
        connectionId32.CopyTo(structData[64..]);
        Span<byte> structHash = stackalloc byte[32];
        Keccak256.Hash(structData, structHash);
        Digest(L1DomainSeparator.Span, structHash, digest32);
    }

    public static Bytes32 L1Digest(Bytes32 connectionId, bool isMainnet)
    {
        Span<byte> digest = stackalloc byte[32];
        L1Digest(connectionId.Span, isMainnet, digest);
        return new Bytes32(digest);
    }
}
