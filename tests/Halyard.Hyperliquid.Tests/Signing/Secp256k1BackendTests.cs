using System.Security.Cryptography;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Tests.Signing;

public class Secp256k1BackendTests
{
    [Fact]
    public void Native_libsecp256k1_with_recovery_module_loads_on_this_machine()
    {
        // CI installs libsecp256k1-1; if this fails the fast path is silently gone, so it must be loud.
        NativeSecp256k1.LoadFailure.ShouldBeNull();
        Secp256k1Backends.Default.ShouldBeOfType<NativeSecp256k1>();
    }

    [Fact]
    public void Native_and_managed_backends_give_identical_signatures_and_recover_each_other()
    {
        var native = SigningVectorTests.Backend("native");
        var managed = Secp256k1Backends.Managed;
        var random = new Random(20261124);
        Span<byte> secret = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> nativeSig = stackalloc byte[64];
        Span<byte> managedSig = stackalloc byte[64];
        Span<byte> nativePub = stackalloc byte[64];
        Span<byte> managedPub = stackalloc byte[64];
        Span<byte> recovered = stackalloc byte[64];
        for (int i = 0; i < 300; i++)
        {
            random.NextBytes(secret);
            random.NextBytes(digest);
            secret[0] &= 0x7F; // stay below the curve order
            secret[31] |= 1;   // and above zero
            int nativeId = native.Sign(digest, secret, nativeSig);
            int managedId = managed.Sign(digest, secret, managedSig);
            Convert.ToHexString(managedSig).ShouldBe(Convert.ToHexString(nativeSig), $"case {i}");
            managedId.ShouldBe(nativeId, $"case {i}");

            native.DerivePublicKey(secret, nativePub);
            managed.DerivePublicKey(secret, managedPub);
            nativePub.SequenceEqual(managedPub).ShouldBeTrue($"case {i}");

            managed.TryRecover(digest, nativeSig, nativeId, recovered).ShouldBeTrue();
            recovered.SequenceEqual(nativePub).ShouldBeTrue($"case {i}");
            native.TryRecover(digest, managedSig, managedId, recovered).ShouldBeTrue();
            recovered.SequenceEqual(nativePub).ShouldBeTrue($"case {i}");
        }
    }

    [Theory]
    [InlineData("native")]
    [InlineData("managed")]
    public void Signatures_are_low_s(string backendName)
    {
        var backend = SigningVectorTests.Backend(backendName);
        var halfOrder = System.Numerics.BigInteger.Parse("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", System.Globalization.NumberStyles.HexNumber);
        Span<byte> sig = stackalloc byte[64];
        for (int i = 0; i < 100; i++)
        {
            var digest = RandomNumberGenerator.GetBytes(32);
            var secret = RandomNumberGenerator.GetBytes(32);
            secret[0] &= 0x7F;
            backend.Sign(digest, secret, sig);
            new System.Numerics.BigInteger(sig[32..], isUnsigned: true, isBigEndian: true).ShouldBeLessThanOrEqualTo(halfOrder);
        }
    }

    [Theory]
    [InlineData("native")]
    [InlineData("managed")]
    public void Recovery_of_a_garbage_signature_returns_false_instead_of_throwing(string backendName)
    {
        var backend = SigningVectorTests.Backend(backendName);
        Span<byte> publicKey = stackalloc byte[64];
        var zeros = new byte[64];
        backend.TryRecover(new byte[32], zeros, 0, publicKey).ShouldBeFalse();
        var overOrder = Enumerable.Repeat((byte)0xFF, 64).ToArray();
        backend.TryRecover(new byte[32], overOrder, 1, publicKey).ShouldBeFalse();
    }

    [Fact]
    public void A_tampered_payload_recovers_a_different_address()
    {
        var key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        var signer = new HyperliquidSigner(key, isMainnet: true);
        var signed = signer.SignL1(Halyard.Hyperliquid.Wire.NoopAction.Instance, 1700000000000);
        SignatureVerifier.RecoverL1Signer(Halyard.Hyperliquid.Wire.NoopAction.Instance, 1700000000000, null, null, true, signed.Signature).ShouldBe(key.Address);
        SignatureVerifier.RecoverL1Signer(Halyard.Hyperliquid.Wire.NoopAction.Instance, 1700000000001, null, null, true, signed.Signature).ShouldNotBe(key.Address);
        SignatureVerifier.RecoverL1Signer(Halyard.Hyperliquid.Wire.NoopAction.Instance, 1700000000000, null, null, false, signed.Signature).ShouldNotBe(key.Address);
    }
}
