using System.Text.Json;

namespace Halyard.Simulator.Tests.Support;

/// <summary>
/// Compares the shape of a response with a fixture of the real API: same keys, same value kinds (string, number,
/// bool, object, array), same nesting; arrays are compared element by element against the fixture's first element.
/// A null on either side matches any kind (nullable fields). Keys listed as optional may be absent on either side.
/// </summary>
internal static class Shapes
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static JsonElement Fixture(string name) => JsonDocument.Parse(File.ReadAllText(FixturePath(name))).RootElement.Clone();

    /// <summary>Every difference between the fixture's shape and the actual value's, as "path: problem" lines.</summary>
    public static List<string> Differences(JsonElement fixture, JsonElement actual, params string[] optionalKeys)
    {
        var differences = new List<string>();
        Compare(fixture, actual, "$", new HashSet<string>(optionalKeys), differences);
        return differences;
    }

    /// <summary>Fails with the list of differences when the shapes differ.</summary>
    public static void ShouldMatchFixture(this JsonElement actual, string fixtureName, params string[] optionalKeys)
    {
        var differences = Differences(Fixture(fixtureName), actual, optionalKeys);
        differences.ShouldBeEmpty($"{fixtureName} vs {actual.GetRawText()[..Math.Min(600, actual.GetRawText().Length)]}");
    }

    private static void Compare(JsonElement fixture, JsonElement actual, string path, HashSet<string> optional, List<string> differences)
    {
        if (fixture.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null) return;
        if (Kind(fixture) != Kind(actual))
        {
            differences.Add($"{path}: expected {Kind(fixture)}, got {Kind(actual)}");
            return;
        }
        switch (fixture.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in fixture.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var value)) Compare(property.Value, value, $"{path}.{property.Name}", optional, differences);
                    else if (!optional.Contains(property.Name)) differences.Add($"{path}.{property.Name}: missing");
                }
                foreach (var property in actual.EnumerateObject())
                    if (!fixture.TryGetProperty(property.Name, out _) && !optional.Contains(property.Name))
                        differences.Add($"{path}.{property.Name}: not in the fixture");
                break;
            case JsonValueKind.Array:
                int length = fixture.GetArrayLength();
                if (length == 0) break;
                // Mixed kinds ([meta, ctxs], [id, table]) are positional; otherwise every item has the first item's shape.
                bool positional = fixture.EnumerateArray().Select(Kind).Distinct().Count() > 1;
                int i = 0;
                foreach (var item in actual.EnumerateArray())
                {
                    Compare(positional ? fixture[Math.Min(i, length - 1)] : fixture[0], item, $"{path}[{i}]", optional, differences);
                    i++;
                }
                break;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
