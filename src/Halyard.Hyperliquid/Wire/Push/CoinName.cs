namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// A coin name from wire bytes. The bytes are copied into a reused array and the string is made only when asked
/// for and only when the coin changed, so a buffer serving several coins in turn allocates nothing per message
/// when the consumer looks coins up by <see cref="Utf8"/>.
/// </summary>
internal struct CoinName
{
    private byte[]? _utf8;
    private int _length;
    private string? _value;

    public readonly ReadOnlySpan<byte> Utf8 => _utf8.AsSpan(0, _length);

    public string Value => _value ??= System.Text.Encoding.UTF8.GetString(Utf8);

    public readonly bool Matches(ReadOnlySpan<byte> utf8) => _utf8 is not null && utf8.SequenceEqual(Utf8);

    public void Set(ReadOnlySpan<byte> utf8)
    {
        if (_utf8 is not null && utf8.SequenceEqual(Utf8)) return;
        if (_utf8 is null || _utf8.Length < utf8.Length) _utf8 = new byte[Math.Max(16, utf8.Length)];
        utf8.CopyTo(_utf8);
        _length = utf8.Length;
        _value = null;
    }
}
