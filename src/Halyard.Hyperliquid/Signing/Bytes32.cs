using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Halyard.Hyperliquid.Signing;

/// <summary>A 32-byte value (hash, connection id, signature half) stored inline: no heap allocation.</summary>
public readonly struct Bytes32 : IEquatable<Bytes32>
{
    private readonly Buffer _bytes;

    [InlineArray(32)]
    private struct Buffer
    {
        private byte _element0;
    }

    /// <summary>Copies exactly 32 bytes.</summary>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
            throw new ArgumentException($"must be exactly 32 bytes; got {bytes.Length}", nameof(bytes));
        bytes.CopyTo(_bytes);
    }

    /// <summary>Parses "0x" + 64 hex digits; <paramref name="field"/> names the input in the error.</summary>
    public static Bytes32 Parse(string hex, string field = "value")
    {
        Span<byte> bytes = stackalloc byte[32];
        if (hex is null || !HexCodec.TryDecodeExact(hex, bytes))
            throw new FormatException($"{field} must be 0x followed by 64 hex digits");
        return new Bytes32(bytes);
    }

    /// <summary>The bytes as a read-only span over this value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Span => _bytes;

    public void CopyTo(Span<byte> destination) => ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);

    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    /// <summary>Writes "0x" + 64 lowercase hex digits into 66 chars.</summary>
    public void FormatHex(Span<char> destination66)
    {
        destination66[0] = '0';
        destination66[1] = 'x';
        HexCodec.Encode(_bytes, destination66[2..]);
    }

    /// <summary>"0x" + 64 lowercase hex digits, zero padded.</summary>
    public override string ToString() => HexCodec.ToPrefixedHex(_bytes);

    public bool Equals(Bytes32 other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes);

    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);
}
