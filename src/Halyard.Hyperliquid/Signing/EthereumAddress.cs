namespace Halyard.Hyperliquid.Signing;

/// <summary>Ethereum address derivation, parsing and EIP-55 checksumming.</summary>
public static class EthereumAddress
{
    /// <summary>Lowercase "0x" + 40 hex of keccak256(X ‖ Y)[12..32].</summary>
    public static string FromPublicKey(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != 64) throw new ArgumentException($"must be 64 bytes; got {publicKey64.Length}", nameof(publicKey64));
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey64, hash);
        return HexCodec.ToPrefixedHex(hash[12..]);
    }

    /// <summary>Parses "0x" + 40 hex digits (any case) into 20 bytes; the error names <paramref name="field"/>.</summary>
    public static void Parse(string? address, Span<byte> destination20, string field)
    {
        if (address is null || address.Length != 42 || address[0] != '0' || address[1] != 'x'
            || !HexCodec.TryDecodeExact(address, destination20[..20]))
            throw new FormatException($"{field} must be an address: 0x followed by 40 hex digits");
    }

    /// <summary>True when <paramref name="address"/> is "0x" + 40 hex digits.</summary>
    public static bool IsValid(string? address)
    {
        Span<byte> bytes = stackalloc byte[20];
        return address is { Length: 42 } && address[0] == '0' && address[1] == 'x' && HexCodec.TryDecodeExact(address, bytes);
    }

    /// <summary>EIP-55 mixed-case checksum form of an address.</summary>
    public static string ToChecksum(string address)
    {
        Span<byte> bytes = stackalloc byte[20];
        Parse(address, bytes, nameof(address));
        Span<byte> lowerAscii = stackalloc byte[40];
        HexCodec.EncodeUtf8(bytes, lowerAscii);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(lowerAscii, hash);
        Span<char> result = stackalloc char[42];
        result[0] = '0';
        result[1] = 'x';
        for (int i = 0; i < 40; i++)
        {
            char c = (char)lowerAscii[i];
            int nibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            result[i + 2] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }
        return new string(result);
    }
}
