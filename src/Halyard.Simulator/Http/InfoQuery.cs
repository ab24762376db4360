using System.Text.Json;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Http;

/// <summary>Reads and checks the fields of one info request; the first failure is kept in <see cref="Failure"/>.</summary>
internal sealed class InfoQuery(JsonElement request, string type, string prefix = "")
{
    public JsonElement Request { get; } = request;
    public string Type { get; } = type;
    public InfoAnswer Failure { get; private set; }

    public InfoAnswer Fail(string error) => Failure = InfoAnswer.Fail(Type, error);

    public string? User()
    {
        if (!Request.TryGetProperty("user", out var u)) { Fail($"Invalid request: missing field `{prefix}user`"); return null; }
        if (AddressText.Normalize(u.ValueKind == JsonValueKind.String ? u.GetString() : null) is { } user) return user;
        Fail($"Invalid request: field `{prefix}user` must be an address (0x + 40 hex digits)");
        return null;
    }

    public string? Coin(SimulatedExchange exchange)
    {
        if (!Request.TryGetProperty("coin", out var c) || c.ValueKind != JsonValueKind.String) { Fail($"Invalid request: missing field `{prefix}coin`"); return null; }
        string coin = c.GetString()!;
        if (exchange.IsCoin(coin)) return coin;
        Fail($"Invalid request: unknown coin `{coin}` in field `{prefix}coin`");
        return null;
    }

    public long? RequiredTime(string name)
    {
        if (!Request.TryGetProperty(name, out var t)) { Fail($"Invalid request: missing field `{prefix}{name}`"); return null; }
        if (t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out long ms) && ms >= 0) return ms;
        Fail($"Invalid request: field `{prefix}{name}` must be a millisecond timestamp");
        return null;
    }

    public bool OptionalTime(string name, out long? value)
    {
        value = null;
        if (!Request.TryGetProperty(name, out var t) || t.ValueKind == JsonValueKind.Null) return true;
        if (t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out long ms) && ms >= 0) { value = ms; return true; }
        Fail($"Invalid request: field `{prefix}{name}` must be a millisecond timestamp or null");
        return false;
    }

    public bool OptionalInt(string name, out int? value)
    {
        value = null;
        if (!Request.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return true;
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out int v)) { value = v; return true; }
        return false;
    }
}
