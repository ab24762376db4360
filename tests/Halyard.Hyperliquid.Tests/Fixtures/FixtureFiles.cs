namespace Halyard.Hyperliquid.Tests.Fixtures;

/// <summary>Reads the recorded message shapes copied next to the test binary.</summary>
internal static class FixtureFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static byte[] Bytes(string name)
    {
        string path = Path.Combine(Directory, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"fixture {name} is missing from {Directory}", path);
        return File.ReadAllBytes(path);
    }

    public static IEnumerable<string> All() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
