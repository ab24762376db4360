using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// secp256k1 on BouncyCastle's optimised curve. Signing computes R = k·G itself (fixed-point comb) so the recovery
/// id comes from R.y's parity with no trial recovery — about 6× faster than recover-and-compare. Thread-safe.
/// </summary>
public sealed class ManagedSecp256k1 : ISecp256k1
{
    public static ManagedSecp256k1 Instance { get; } = new();

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;
    private static readonly BigInteger HalfN = N.ShiftRight(1);
    private static readonly ECPoint G = Curve.G;
    private static readonly BigInteger FieldPrime = Curve.Curve.Field.Characteristic;
    private static readonly FixedPointCombMultiplier Multiplier = new();

    private ManagedSecp256k1() { }

    public string Name => "BouncyCastle";

    /// <summary>The curve order n, for validating secret keys.</summary>
    internal static BigInteger Order => N;

    public int Sign(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> secretKey32, Span<byte> signature64)
    {
        var d = new BigInteger(1, secretKey32);
        var e = new BigInteger(1, digest32);
        Span<byte> drbgK = stackalloc byte[32];
        Span<byte> drbgV = stackalloc byte[32];
        var k = new Rfc6979(secretKey32, digest32, N, drbgK, drbgV);
        while (true)
        {
            var nonce = k.NextK();
            var point = Multiplier.Multiply(G, nonce).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0) continue;
            // Constant-time safegcd inverse: BigInteger.ModInverse is ~20× slower and allocates ~70 KB.
            var s = BigIntegers.ModOddInverse(N, nonce).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0) continue;
            int recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // Low-s: (r, n − s) is the signature of −R, whose y parity is the opposite.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }
            BigIntegers.AsUnsignedByteArray(r, signature64[..32]);
            BigIntegers.AsUnsignedByteArray(s, signature64[32..]);
            return recoveryId;
        }
    }

    public bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature64, int recoveryId, Span<byte> publicKey64)
    {
        if (recoveryId is < 0 or > 3) return false;
        var r = new BigInteger(1, signature64[..32]);
        var s = new BigInteger(1, signature64[32..64]);
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0) return false;
        var x = (recoveryId & 2) != 0 ? r.Add(N) : r;
        if (x.CompareTo(FieldPrime) >= 0) return false;

        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (recoveryId & 1) != 0 ? (byte)0x03 : (byte)0x02;
        BigIntegers.AsUnsignedByteArray(x, compressed[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Curve.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            return false; // x is not on the curve
        }

        // Q = r⁻¹ (s·R − e·G)
        var e = new BigInteger(1, digest32);
        var rInverse = BigIntegers.ModOddInverseVar(N, r); // r is public: variable time is fine
        var u1 = N.Subtract(e).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(G, u1, rPoint, u2).Normalize();
        if (q.IsInfinity) return false;
        BigIntegers.AsUnsignedByteArray(q.AffineXCoord.ToBigInteger(), publicKey64[..32]);
        BigIntegers.AsUnsignedByteArray(q.AffineYCoord.ToBigInteger(), publicKey64[32..64]);
        return true;
    }

    public void DerivePublicKey(ReadOnlySpan<byte> secretKey32, Span<byte> publicKey64)
    {
        var d = new BigInteger(1, secretKey32);
        if (d.SignValue == 0 || d.CompareTo(N) >= 0) throw new ArgumentException("secret key is out of range", nameof(secretKey32));
        var q = Multiplier.Multiply(G, d).Normalize();
        BigIntegers.AsUnsignedByteArray(q.AffineXCoord.ToBigInteger(), publicKey64[..32]);
        BigIntegers.AsUnsignedByteArray(q.AffineYCoord.ToBigInteger(), publicKey64[32..64]);
    }
}
