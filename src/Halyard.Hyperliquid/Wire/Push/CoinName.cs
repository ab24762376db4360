namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// Turns a coin name from wire bytes into a string, allocating only when the coin differs from the previous one —
/// a buffer normally serves one subscription, so the steady state allocates nothing.
/// </summary>
internal struct CoinName
{
    private byte[]? _utf8;
    private string? _value;

    public readonly string Value => _value ?? "";

    public readonly bool Matches(ReadOnlySpan<byte> utf8) => _utf8 is not null && utf8.SequenceEqual(_utf8);

    public void Set(ReadOnlySpan<byte> utf8)
    {
        if (_utf8 is not null && utf8.SequenceEqual(_utf8)) return;
        _utf8 = utf8.ToArray();
        _value = System.Text.Encoding.UTF8.GetString(utf8);
    }
}
