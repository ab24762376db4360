using System.Text.Json;

namespace Halyard.Simulator.Ws;

/// <summary>
/// One parsed subscription object. <see cref="RawJson"/> is echoed verbatim in acks and errors (the TS SDK checks
/// every key it sent, nulls included); <see cref="Key"/> identifies it for duplicate checks; <see cref="Topic"/> is
/// the stream it reads (several keys, e.g. l2Book with different nSigFigs, share a topic).
/// </summary>
internal sealed record Subscription(
    string Type, string Key, string Topic, string RawJson,
    string? Coin = null, string? User = null, string? Interval = null,
    int? NSigFigs = null, int? Mantissa = null, bool AggregateByTime = false)
{
    public static readonly string[] CandleIntervals = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M"];

    /// <summary>Parses a subscription object; null when it is not a valid subscription (type, coin, user, interval).</summary>
    public static Subscription? Parse(JsonElement element, Func<string, bool> isCoin)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        string raw = element.GetRawText();
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String) return null;
        string type = typeElement.GetString()!;
        switch (type)
        {
            case "allMids":
                return new(type, "allMids", "allMids", raw);
            case "l2Book":
            {
                if (CoinOf(element, isCoin) is not { } coin) return null;
                if (!OptionalInt(element, "nSigFigs", out int? sigFigs) || sigFigs is not (null or 2 or 3 or 4 or 5)) return null;
                if (!OptionalInt(element, "mantissa", out int? mantissa) || mantissa is not (null or 1 or 2 or 5)) return null;
                if (mantissa is not null && sigFigs != 5) return null;
                return new(type, $"l2Book|{coin}|{sigFigs}|{mantissa}", $"l2Book|{coin}", raw, coin, NSigFigs: sigFigs, Mantissa: mantissa);
            }
            case "trades" or "bbo" or "activeAssetCtx":
            {
                if (CoinOf(element, isCoin) is not { } coin) return null;
                return new(type, $"{type}|{coin}", $"{type}|{coin}", raw, coin);
            }
            case "candle":
            {
                if (CoinOf(element, isCoin) is not { } coin) return null;
                if (!element.TryGetProperty("interval", out var i) || i.ValueKind != JsonValueKind.String
                    || Array.IndexOf(CandleIntervals, i.GetString()) < 0) return null;
                string interval = i.GetString()!;
                return new(type, $"candle|{coin}|{interval}", $"candle|{coin}|{interval}", raw, coin, Interval: interval);
            }
            case "orderUpdates" or "userEvents" or "userFills" or "userFundings":
            {
                if (!element.TryGetProperty("user", out var u) || AddressText.Normalize(u.ValueKind == JsonValueKind.String ? u.GetString() : null) is not { } user)
                    return null;
                bool aggregate = element.TryGetProperty("aggregateByTime", out var a) && a.ValueKind == JsonValueKind.True;
                return new(type, $"{type}|{user}", $"{type}|{user}", raw, User: user, AggregateByTime: aggregate);
            }
            default:
                return null;
        }
    }

    private static string? CoinOf(JsonElement element, Func<string, bool> isCoin) =>
        element.TryGetProperty("coin", out var c) && c.ValueKind == JsonValueKind.String && isCoin(c.GetString()!) ? c.GetString() : null;

    private static bool OptionalInt(JsonElement element, string name, out int? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return true;
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out int v)) { value = v; return true; }
        return false;
    }
}
