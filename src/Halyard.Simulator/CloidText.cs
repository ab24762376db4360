namespace Halyard.Simulator;

/// <summary>Checks client order ids: "0x" + 32 hex digits, kept lowercase.</summary>
internal static class CloidText
{
    public static string? Normalize(string? text)
    {
        if (text is null || text.Length != 34 || text[0] != '0' || text[1] is not ('x' or 'X')) return null;
        for (int i = 2; i < 34; i++)
            if (!char.IsAsciiHexDigit(text[i])) return null;
        return text.ToLowerInvariant();
    }
}
