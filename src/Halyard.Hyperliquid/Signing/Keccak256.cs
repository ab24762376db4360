using Org.BouncyCastle.Crypto.Digests;

namespace Halyard.Hyperliquid.Signing;

/// <summary>Ethereum Keccak-256 (original 0x01 padding, not NIST SHA3-256), allocation-free per call.</summary>
public static class Keccak256
{
    // One digest per thread: KeccakDigest resets itself after DoFinal, so it is reused without allocating.
    [ThreadStatic] private static KeccakDigest? t_digest;

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var digest = Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    public static Bytes32 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        Hash(data, hash);
        return new Bytes32(hash);
    }

    /// <summary>Hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static Bytes32 HashUtf8(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The calling thread's reset digest, for hashing several spans without concatenating them.</summary>
    internal static KeccakDigest Digest()
    {
        var digest = t_digest ??= new KeccakDigest(256);
        digest.Reset();
        return digest;
    }
}
