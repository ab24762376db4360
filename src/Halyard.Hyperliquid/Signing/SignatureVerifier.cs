using System.Text.Json;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Recovers who signed a request — what the venue (and our simulator) does to authenticate. Every method returns
/// the lowercase address, or null when the signature is not a valid secp256k1 signature. A wrong payload does not
/// fail: it recovers a different address, exactly as on the venue.
/// </summary>
public static class SignatureVerifier
{
    /// <summary>The address whose key produced <paramref name="signature"/> over <paramref name="digest"/>.</summary>
    public static string? RecoverAddress(Bytes32 digest, EcdsaSignature signature, ISecp256k1? backend = null)
    {
        Span<byte> rs = stackalloc byte[64];
        signature.CopyCompactTo(rs);
        Span<byte> publicKey = stackalloc byte[64];
        return (backend ?? Secp256k1Backends.Default).TryRecover(digest.Span, rs, signature.RecoveryId, publicKey)
            ? EthereumAddress.FromPublicKey(publicKey)
            : null;
    }

    /// <summary>Signer of an L1 action received as JSON, hashed in received key order.</summary>
    public static string? RecoverL1Signer(JsonElement action, ulong nonce, string? vaultAddress, ulong? expiresAfter,
        bool isMainnet, EcdsaSignature signature, ISecp256k1? backend = null) =>
        RecoverAddress(Eip712.L1Digest(L1ActionHasher.ConnectionId(action, nonce, vaultAddress, expiresAfter), isMainnet), signature, backend);

    /// <summary>Signer of a typed L1 action.</summary>
    public static string? RecoverL1Signer(IL1Action action, ulong nonce, string? vaultAddress, ulong? expiresAfter,
        bool isMainnet, EcdsaSignature signature, ISecp256k1? backend = null) =>
        RecoverAddress(Eip712.L1Digest(L1ActionHasher.ConnectionId(action, nonce, vaultAddress, expiresAfter), isMainnet), signature, backend);

    /// <summary>Signer of already-encoded action msgpack.</summary>
    public static string? RecoverL1Signer(ReadOnlySpan<byte> actionMsgPack, ulong nonce, string? vaultAddress, ulong? expiresAfter,
        bool isMainnet, EcdsaSignature signature, ISecp256k1? backend = null) =>
        RecoverAddress(Eip712.L1Digest(L1ActionHasher.ConnectionId(actionMsgPack, nonce, vaultAddress, expiresAfter), isMainnet), signature, backend);

    /// <summary>Signer of a user-signed action JSON (network and domain taken from the action itself).</summary>
    public static string? RecoverUserSigner(JsonElement action, EcdsaSignature signature, ISecp256k1? backend = null) =>
        RecoverAddress(UserSignedHasher.Digest(action), signature, backend);

    /// <summary>Signer of a typed user-signed action.</summary>
    public static string? RecoverUserSigner(IUserSignedAction action, bool isMainnet, EcdsaSignature signature,
        ulong signatureChainId = Eip712.DefaultSignatureChainId, ISecp256k1? backend = null) =>
        RecoverAddress(UserSignedHasher.Digest(action, isMainnet, signatureChainId), signature, backend);
}
