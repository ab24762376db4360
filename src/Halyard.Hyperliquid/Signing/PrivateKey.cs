using Org.BouncyCastle.Math;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// A secp256k1 private key. The secret never leaves this type except into a signer: <see cref="ToString"/> is
/// redacted and no error message ever contains the key text.
/// </summary>
public sealed class PrivateKey
{
    /// <summary>The environment variable Halyard reads the key from by default.</summary>
    public const string DefaultEnvironmentVariable = "HYPERLIQUID_PK";

    private readonly byte[] _secret;

    private PrivateKey(byte[] secret)
    {
        _secret = secret;
        Span<byte> publicKey = stackalloc byte[64];
        Secp256k1Backends.Default.DerivePublicKey(secret, publicKey);
        Address = EthereumAddress.FromPublicKey(publicKey);
        ChecksumAddress = EthereumAddress.ToChecksum(Address);
    }

    /// <summary>The account address, lowercase "0x" + 40 hex (the form to put in actions).</summary>
    public string Address { get; }

    /// <summary>The same address in EIP-55 mixed-case checksum form (for display).</summary>
    public string ChecksumAddress { get; }

    /// <summary>The raw 32 secret bytes, for signers only.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Parses 64 hex digits, optionally "0x"-prefixed. Errors describe the problem, never the value.</summary>
    public static PrivateKey FromHex(string hex)
    {
        if (!TryParseSecret(hex, out var secret, out var problem))
            throw new FormatException($"private key {problem}");
        return new PrivateKey(secret!);
    }

    /// <summary>Reads the key from an environment variable without ever echoing its value.</summary>
    public static PrivateKey FromEnvironment(string variable = DefaultEnvironmentVariable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"environment variable {variable} is not set; it must hold the private key as 0x + 64 hex digits");
        if (!TryParseSecret(value.Trim(), out var secret, out var problem))
            throw new FormatException($"environment variable {variable} does not hold a valid private key: the key {problem}");
        return new PrivateKey(secret!);
    }

    /// <summary>Builds a key from 32 raw bytes (copied).</summary>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != 32) throw new ArgumentException($"private key must be 32 bytes; got {secret.Length}", nameof(secret));
        var copy = secret.ToArray();
        if (!InRange(copy)) throw new ArgumentException("private key must be between 1 and n−1 (the secp256k1 order)", nameof(secret));
        return new PrivateKey(copy);
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => "0x…redacted";

    private static bool TryParseSecret(string? text, out byte[]? secret, out string problem)
    {
        secret = null;
        if (text is null) { problem = "is missing"; return false; }
        var digits = HexCodec.StripPrefix(text);
        if (digits.Length != 64) { problem = $"must be 64 hex digits (optionally 0x-prefixed); got {digits.Length} characters"; return false; }
        var bytes = new byte[32];
        if (!HexCodec.TryDecodeExact(digits, bytes)) { problem = "contains characters that are not hex digits"; return false; }
        if (!InRange(bytes)) { problem = "must be between 1 and n−1 (the secp256k1 order)"; return false; }
        secret = bytes;
        problem = "";
        return true;
    }

    private static bool InRange(ReadOnlySpan<byte> secret)
    {
        var d = new BigInteger(1, secret);
        return d.SignValue > 0 && d.CompareTo(ManagedSecp256k1.Order) < 0;
    }
}
