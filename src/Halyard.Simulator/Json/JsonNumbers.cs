using System.Text.Json;

namespace Halyard.Simulator.Json;

/// <summary>Integer reads that answer false for a non-number (JsonElement.TryGetInt64 throws on a string).</summary>
internal static class JsonNumbers
{
    public static bool IsInt64(this JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    public static bool IsUInt64(this JsonElement e, out ulong value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out value);
    }

    public static bool IsInt32(this JsonElement e, out int value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }
}
