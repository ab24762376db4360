namespace Halyard.Simulator;

/// <summary>Checks and normalises 0x addresses as the exchange keys accounts: lowercase, 42 characters.</summary>
internal static class AddressText
{
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return false;
        for (int i = 2; i < 42; i++)
            if (!char.IsAsciiHexDigit(text[i])) return false;
        return true;
    }

    /// <summary>The lowercase form, or null when <paramref name="text"/> is not an address.</summary>
    public static string? Normalize(string? text) => IsValid(text) ? text!.ToLowerInvariant() : null;
}
