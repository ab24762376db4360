using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>Validation shared by the typed user-signed actions; errors name the wire field.</summary>
internal static class UserSignedArguments
{
    public static string Address(string? value, string field)
    {
        if (!EthereumAddress.IsValid(value)) throw new ArgumentException($"{field} must be 0x followed by 40 hex digits", field);
        return value!.ToLowerInvariant(); // PROTOCOL §2.5: lowercase every address in an action
    }

    public static string Amount(decimal value, string field)
    {
        if (value <= 0m) throw new ArgumentOutOfRangeException(field, value, $"{field} must be greater than zero");
        return WireNumber.Format(value, field);
    }

    public static string Text(string? value, string field) =>
        value ?? throw new ArgumentNullException(field, $"{field} is required");
}
