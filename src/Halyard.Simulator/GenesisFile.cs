using System.Globalization;
using System.Text.Json;

namespace Halyard.Simulator;

/// <summary>Reads a genesis file: a JSON object of address → USDC balance (number or decimal string).</summary>
public static class GenesisFile
{
    /// <summary>Parses genesis JSON; errors name the entry at fault.</summary>
    public static IReadOnlyDictionary<string, decimal> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new FormatException("genesis must be a JSON object of address → USDC balance");
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            string address = AddressText.Normalize(entry.Name)
                ?? throw new FormatException($"genesis key '{entry.Name}' is not a 0x-prefixed 20-byte hex address");
            decimal usdc = entry.Value.ValueKind switch
            {
                JsonValueKind.Number when entry.Value.TryGetDecimal(out var number) => number,
                JsonValueKind.String when decimal.TryParse(entry.Value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var text) => text,
                _ => throw new FormatException($"genesis balance of {entry.Name} must be a non-negative number or decimal string"),
            };
            if (usdc < 0) throw new FormatException($"genesis balance of {entry.Name} must not be negative");
            balances[address] = usdc;
        }
        return balances;
    }

    /// <summary>Reads and parses a genesis file from disk.</summary>
    public static IReadOnlyDictionary<string, decimal> Load(string path) => Parse(File.ReadAllText(path));
}
