namespace Halyard.Hyperliquid.Wire;

/// <summary>The value of one user-signed field: text (string/address), a uint64 or a bool.</summary>
public readonly record struct UserSignedValue(string? Text, ulong Number, bool Flag)
{
    public static UserSignedValue Of(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), 0, false);
    public static UserSignedValue Of(ulong number) => new(null, number, false);
    public static UserSignedValue Of(bool flag) => new(null, 0, flag);
}
