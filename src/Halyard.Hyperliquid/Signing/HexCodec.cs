namespace Halyard.Hyperliquid.Signing;

/// <summary>Lowercase hex encoding and strict decoding without allocations.</summary>
internal static class HexCodec
{
    private static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    public static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (char)Digits[bytes[i] >> 4];
            destination[2 * i + 1] = (char)Digits[bytes[i] & 0xF];
        }
    }

    public static void EncodeUtf8(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = Digits[bytes[i] >> 4];
            destination[2 * i + 1] = Digits[bytes[i] & 0xF];
        }
    }

    /// <summary>"0x" + lowercase hex of <paramref name="bytes"/>.</summary>
    public static string ToPrefixedHex(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = bytes.Length <= 128 ? stackalloc char[2 + 2 * bytes.Length] : new char[2 + 2 * bytes.Length];
        chars[0] = '0';
        chars[1] = 'x';
        Encode(bytes, chars[2..]);
        return new string(chars);
    }

    /// <summary>Decodes hex (optional 0x prefix) into exactly <c>destination.Length</c> bytes; false when malformed.</summary>
    public static bool TryDecodeExact(ReadOnlySpan<char> text, Span<byte> destination)
    {
        text = StripPrefix(text);
        if (text.Length != destination.Length * 2) return false;
        return TryDecodeDigits(text, destination);
    }

    /// <summary>Decodes up to <c>destination.Length</c> bytes, left-padding with zeros (for unpadded r/s hex).</summary>
    public static bool TryDecodeLeftPadded(ReadOnlySpan<char> text, Span<byte> destination)
    {
        text = StripPrefix(text);
        if (text.Length == 0 || text.Length > destination.Length * 2) return false;
        Span<char> padded = stackalloc char[destination.Length * 2];
        padded.Fill('0');
        text.CopyTo(padded[(padded.Length - text.Length)..]);
        return TryDecodeDigits(padded, destination);
    }

    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    private static bool TryDecodeDigits(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            int hi = Nibble(text[2 * i]);
            int lo = Nibble(text[2 * i + 1]);
            if ((hi | lo) < 0) return false;
            destination[i] = (byte)((hi << 4) | lo);
        }
        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
