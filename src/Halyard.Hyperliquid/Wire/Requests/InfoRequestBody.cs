using System.Buffers;
using System.Text.Json;

namespace Halyard.Hyperliquid.Wire.Requests;

/// <summary>
/// JSON bodies of POST /info requests (PROTOCOL §3). The same bytes serve REST and WS <c>post</c> (as the payload).
/// Addresses are lowercased; optional keys are omitted when unset.
/// </summary>
public static class InfoRequestBody
{
    public static byte[] Meta(string? dex = null) => Write(w => { w.WriteString("type", "meta"); Dex(w, dex); });
    public static byte[] MetaAndAssetContexts(string? dex = null) => Write(w => { w.WriteString("type", "metaAndAssetCtxs"); Dex(w, dex); });
    public static byte[] AllMids(string? dex = null) => Write(w => { w.WriteString("type", "allMids"); Dex(w, dex); });

    public static byte[] L2Book(string coin, int? nSigFigs = null, int? mantissa = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coin);
        if (nSigFigs is { } n && n is < 2 or > 5) throw new ArgumentOutOfRangeException(nameof(nSigFigs), nSigFigs, "must be 2..5 or null");
        if (mantissa is not null && nSigFigs != 5) throw new ArgumentException("mantissa is only allowed with nSigFigs = 5", nameof(mantissa));
        return Write(w =>
        {
            w.WriteString("type", "l2Book");
            w.WriteString("coin", coin);
            if (nSigFigs is { } sig) w.WriteNumber("nSigFigs", sig);
            if (mantissa is { } m) w.WriteNumber("mantissa", m);
        });
    }

    public static byte[] ClearinghouseState(string user, string? dex = null) => UserRequest("clearinghouseState", user, dex);
    public static byte[] OpenOrders(string user, string? dex = null) => UserRequest("openOrders", user, dex);
    public static byte[] FrontendOpenOrders(string user, string? dex = null) => UserRequest("frontendOpenOrders", user, dex);
    public static byte[] UserRateLimit(string user) => UserRequest("userRateLimit", user, null);

    public static byte[] UserFills(string user, bool aggregateByTime = false) => Write(w =>
    {
        w.WriteString("type", "userFills");
        w.WriteString("user", Address(user));
        if (aggregateByTime) w.WriteBoolean("aggregateByTime", true);
    });

    public static byte[] UserFillsByTime(string user, long startTime, long? endTime = null, bool aggregateByTime = false) => Write(w =>
    {
        w.WriteString("type", "userFillsByTime");
        w.WriteString("user", Address(user));
        w.WriteNumber("startTime", startTime);
        if (endTime is { } end) w.WriteNumber("endTime", end);
        if (aggregateByTime) w.WriteBoolean("aggregateByTime", true);
    });

    public static byte[] OrderStatus(string user, long oid) => Write(w =>
    {
        w.WriteString("type", "orderStatus");
        w.WriteString("user", Address(user));
        w.WriteNumber("oid", oid);
    });

    /// <summary>Order status by client order id (<c>0x</c> + 32 hex digits).</summary>
    public static byte[] OrderStatus(string user, string cloid)
    {
        if (cloid is not { Length: 34 } || !cloid.StartsWith("0x", StringComparison.Ordinal))
            throw new ArgumentException($"cloid must be 0x followed by 32 hex digits, got '{cloid}'", nameof(cloid));
        return Write(w =>
        {
            w.WriteString("type", "orderStatus");
            w.WriteString("user", Address(user));
            w.WriteString("oid", cloid.ToLowerInvariant());
        });
    }

    public static byte[] CandleSnapshot(string coin, string interval, long startTime, long endTime) => Write(w =>
    {
        w.WriteString("type", "candleSnapshot");
        w.WriteStartObject("req");
        w.WriteString("coin", coin);
        w.WriteString("interval", interval);
        w.WriteNumber("startTime", startTime);
        w.WriteNumber("endTime", endTime);
        w.WriteEndObject();
    });

    public static byte[] FundingHistory(string coin, long startTime, long? endTime = null) => Write(w =>
    {
        w.WriteString("type", "fundingHistory");
        w.WriteString("coin", coin);
        w.WriteNumber("startTime", startTime);
        if (endTime is { } end) w.WriteNumber("endTime", end);
    });

    public static byte[] UserFunding(string user, long startTime, long? endTime = null) => Write(w =>
    {
        w.WriteString("type", "userFunding");
        w.WriteString("user", Address(user));
        w.WriteNumber("startTime", startTime);
        if (endTime is { } end) w.WriteNumber("endTime", end);
    });

    private static byte[] UserRequest(string type, string user, string? dex) => Write(w =>
    {
        w.WriteString("type", type);
        w.WriteString("user", Address(user));
        Dex(w, dex);
    });

    private static string Address(string user)
    {
        if (user is not { Length: 42 } || !user.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"user must be a 0x-prefixed 20-byte hex address, got '{user}'", nameof(user));
        return user.ToLowerInvariant();
    }

    private static void Dex(Utf8JsonWriter w, string? dex)
    {
        if (dex is not null) w.WriteString("dex", dex);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
