using System.Security.Cryptography;
using Org.BouncyCastle.Math;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// RFC 6979 deterministic nonces for secp256k1 with HMAC-SHA256 (qlen = hlen = 256), on .NET's native HMAC:
/// several times faster than BouncyCastle's managed HMacDsaKCalculator and allocation-free until the final scalar.
/// Same output as libsecp256k1's default nonce function (no extra data), which the backend-equality test checks.
/// </summary>
internal ref struct Rfc6979
{
    private readonly Span<byte> _k;
    private readonly Span<byte> _v;
    private readonly BigInteger _order;

    /// <summary>Initialises the DRBG from the secret key and the 32-byte message hash; buffers are 32 bytes each.</summary>
    public Rfc6979(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> digest32, BigInteger order, Span<byte> k32, Span<byte> v32)
    {
        _k = k32;
        _v = v32;
        _order = order;
        // bits2octets(h1): the hash reduced mod n (one conditional subtraction suffices for 256-bit values).
        Span<byte> h1 = stackalloc byte[32];
        var reduced = new BigInteger(1, digest32);
        if (reduced.CompareTo(order) >= 0) reduced = reduced.Subtract(order);
        Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(reduced, h1);

        _v.Fill(0x01);
        _k.Clear();
        Span<byte> seed = stackalloc byte[32 + 1 + 32 + 32];
        for (byte round = 0; round <= 1; round++)
        {
            _v.CopyTo(seed);
            seed[32] = round;
            secretKey32.CopyTo(seed[33..]);
            h1.CopyTo(seed[65..]);
            HMACSHA256.HashData(_k, seed, _k);
            HMACSHA256.HashData(_k, _v, _v);
        }
    }

    /// <summary>The next candidate k in [1, n−1].</summary>
    public BigInteger NextK()
    {
        Span<byte> retry = stackalloc byte[33];
        while (true)
        {
            HMACSHA256.HashData(_k, _v, _v);
            var k = new BigInteger(1, _v);
            if (k.SignValue > 0 && k.CompareTo(_order) < 0) return k;
            _v.CopyTo(retry);
            retry[32] = 0x00;
            HMACSHA256.HashData(_k, retry, _k);
            HMACSHA256.HashData(_k, _v, _v);
        }
    }
}
