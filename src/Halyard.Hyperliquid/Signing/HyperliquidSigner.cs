using System.Text.Json;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Signs Hyperliquid actions with one key for one network. Thread-safe: per-call state lives on the stack or in
/// thread-local buffers. <c>isMainnet</c> selects the phantom-agent source ("a"/"b") for L1 actions and
/// <c>hyperliquidChain</c> for user-signed ones.
/// </summary>
public sealed class HyperliquidSigner
{
    private readonly PrivateKey _key;

    public HyperliquidSigner(PrivateKey key, bool isMainnet, ISecp256k1? backend = null,
        ulong signatureChainId = Eip712.DefaultSignatureChainId)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        IsMainnet = isMainnet;
        Backend = backend ?? Secp256k1Backends.Default;
        SignatureChainId = signatureChainId;
    }

    /// <summary>The signer's address, lowercase.</summary>
    public string Address => _key.Address;

    public bool IsMainnet { get; }

    public ISecp256k1 Backend { get; }

    /// <summary>Chain id of the user-signed EIP-712 domain (default 0x66eee).</summary>
    public ulong SignatureChainId { get; }

    /// <summary>Signs a typed L1 action (msgpack → connection id → phantom agent → EIP-712 → ECDSA).</summary>
    public SignedL1Action SignL1(IL1Action action, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null) =>
        Finish(L1ActionHasher.ConnectionId(action, nonce, vaultAddress, expiresAfter));

    /// <summary>Signs an action given as JSON, hashed in its key order (for tools and replays).</summary>
    public SignedL1Action SignL1(JsonElement action, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null) =>
        Finish(L1ActionHasher.ConnectionId(action, nonce, vaultAddress, expiresAfter));

    /// <summary>Signs already-encoded action msgpack.</summary>
    public SignedL1Action SignL1(ReadOnlySpan<byte> actionMsgPack, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null) =>
        Finish(L1ActionHasher.ConnectionId(actionMsgPack, nonce, vaultAddress, expiresAfter));

    /// <summary>Signs a typed user-signed action for this signer's network and chain id.</summary>
    public EcdsaSignature SignUserAction(IUserSignedAction action) =>
        SignDigest(UserSignedHasher.Digest(action, IsMainnet, SignatureChainId));

    /// <summary>
    /// Signs a user-signed action JSON as given (its own <c>hyperliquidChain</c> and <c>signatureChainId</c>);
    /// refuses one whose hyperliquidChain is not this signer's network.
    /// </summary>
    public EcdsaSignature SignUserAction(JsonElement action)
    {
        var message = UserSignedMessage.Read(action);
        if (message.HyperliquidChain != UserSignedHasher.ChainName(IsMainnet))
            throw new ArgumentException(
                $"action.hyperliquidChain is {message.HyperliquidChain} but this signer is for {UserSignedHasher.ChainName(IsMainnet)}", nameof(action));
        return SignDigest(UserSignedHasher.Digest(action));
    }

    /// <summary>Signs a 32-byte EIP-712 digest.</summary>
    public EcdsaSignature SignDigest(Bytes32 digest)
    {
        Span<byte> rs = stackalloc byte[64];
        int recoveryId = Backend.Sign(digest.Span, _key.Secret, rs);
        return new EcdsaSignature(new Bytes32(rs[..32]), new Bytes32(rs[32..]), 27 + recoveryId);
    }

    private SignedL1Action Finish(Bytes32 connectionId)
    {
        Span<byte> digest = stackalloc byte[32];
        Eip712.L1Digest(connectionId.Span, IsMainnet, digest);
        Span<byte> rs = stackalloc byte[64];
        int recoveryId = Backend.Sign(digest, _key.Secret, rs);
        return new SignedL1Action(new EcdsaSignature(new Bytes32(rs[..32]), new Bytes32(rs[32..]), 27 + recoveryId), connectionId);
    }
}
