using System.Text.Json;

namespace Halyard.Hyperliquid.Tests;

/// <summary>The cases of Vectors/signing.json (copied from the shared protocol folder).</summary>
internal static class SigningVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "signing.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement L1(string id) => Find("l1_vectors", id);

    public static JsonElement User(string id) => Find("user_signed_vectors", id);

    public static TheoryData<string> L1Ids() => Ids("l1_vectors");

    public static TheoryData<string> UserIds() => Ids("user_signed_vectors");

    /// <summary>Ids of a section; with <paramref name="requireKey"/> only vectors that carry a key and a signature.</summary>
    public static List<string> IdList(string section, bool requireKey = false) =>
        Root.GetProperty(section).EnumerateArray()
            .Where(v => !requireKey || v.GetProperty("private_key").ValueKind == JsonValueKind.String)
            .Select(v => v.GetProperty("id").GetString()!)
            .ToList();

    private static TheoryData<string> Ids(string section) => new(IdList(section));

    private static JsonElement Find(string section, string id)
    {
        foreach (var v in Root.GetProperty(section).EnumerateArray())
            if (v.GetProperty("id").GetString() == id) return v;
        throw new KeyNotFoundException(id);
    }

    public static string? OptionalString(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static ulong? OptionalUInt64(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetUInt64() : null;
}
