namespace Halyard.Hyperliquid.Tests;

/// <summary>Reads the venue payloads kept under Fixtures/.</summary>
internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
