namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The secp256k1 operations signing needs. Two implementations give byte-identical results:
/// <see cref="NativeSecp256k1"/> (libsecp256k1, fast) and <see cref="ManagedSecp256k1"/> (BouncyCastle, portable).
/// </summary>
public interface ISecp256k1
{
    /// <summary>Short name for logs and benchmarks ("libsecp256k1", "BouncyCastle").</summary>
    string Name { get; }

    /// <summary>
    /// Signs a 32-byte digest with RFC 6979 nonces and low-s normalisation; writes r ‖ s (64 bytes) and returns the
    /// recovery id (0 or 1; v = id + 27).
    /// </summary>
    int Sign(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> secretKey32, Span<byte> signature64);

    /// <summary>Recovers the uncompressed public key X ‖ Y (64 bytes); false when the signature is invalid.</summary>
    bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature64, int recoveryId, Span<byte> publicKey64);

    /// <summary>Computes the uncompressed public key X ‖ Y (64 bytes) of a valid secret key.</summary>
    void DerivePublicKey(ReadOnlySpan<byte> secretKey32, Span<byte> publicKey64);
}
