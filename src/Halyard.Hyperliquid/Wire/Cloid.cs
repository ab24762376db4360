using System.Buffers.Binary;
using System.Security.Cryptography;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>A client order id: 16 bytes, on the wire "0x" + 32 lowercase hex digits (PROTOCOL §2.4).</summary>
public readonly struct Cloid : IEquatable<Cloid>
{
    private readonly ulong _high;
    private readonly ulong _low;

    public Cloid(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>From exactly 16 bytes (big-endian).</summary>
    public static Cloid FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16) throw new ArgumentException($"cloid must be 16 bytes; got {bytes.Length}", nameof(bytes));
        return new Cloid(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>A random cloid (for orders a strategy did not name).</summary>
    public static Cloid NewRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return FromBytes(bytes);
    }

    /// <summary>Parses "0x" + 32 hex digits (any case). The error names the field "cloid".</summary>
    public static Cloid Parse(string? text) =>
        TryParse(text, out var cloid) ? cloid : throw new FormatException("cloid must be 0x followed by 32 hex digits");

    public static bool TryParse(string? text, out Cloid cloid)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (text is { Length: 34 } && text[0] == '0' && text[1] == 'x' && HexCodec.TryDecodeExact(text, bytes))
        {
            cloid = FromBytes(bytes);
            return true;
        }
        cloid = default;
        return false;
    }

    public void CopyTo(Span<byte> destination16)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination16, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination16[8..], _low);
    }

    /// <summary>Writes the 34 UTF-8 bytes of the wire form.</summary>
    public void FormatUtf8(Span<byte> destination34)
    {
        Span<byte> bytes = stackalloc byte[16];
        CopyTo(bytes);
        destination34[0] = (byte)'0';
        destination34[1] = (byte)'x';
        HexCodec.EncodeUtf8(bytes, destination34[2..]);
    }

    /// <summary>Writes the cloid as a string value without allocating.</summary>
    public void WriteTo(IWireWriter writer)
    {
        Span<byte> text = stackalloc byte[34];
        FormatUtf8(text);
        writer.WriteString(text);
    }

    /// <summary>"0x" + 32 lowercase hex digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[16];
        CopyTo(bytes);
        return HexCodec.ToPrefixedHex(bytes);
    }

    public bool Equals(Cloid other) => _high == other._high && _low == other._low;
    public override bool Equals(object? obj) => obj is Cloid other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_high, _low);
    public static bool operator ==(Cloid left, Cloid right) => left.Equals(right);
    public static bool operator !=(Cloid left, Cloid right) => !left.Equals(right);
}
