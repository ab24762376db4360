using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Halyard.Hyperliquid.Ws;

/// <summary>
/// A subscription object as sent to the venue (PROTOCOL §8.3), e.g. <c>{"type":"l2Book","coin":"BTC"}</c>.
/// Two subscriptions are equal when their JSON is equal; unsubscribing must send the same object.
/// </summary>
public sealed class WsSubscription : IEquatable<WsSubscription>
{
    private WsSubscription(string type, string json)
    {
        Type = type;
        Json = json;
        Utf8 = Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The subscription <c>type</c> ("l2Book", "trades", …).</summary>
    public string Type { get; }

    /// <summary>The subscription object's JSON.</summary>
    public string Json { get; }

    internal byte[] Utf8 { get; }

    public static WsSubscription AllMids(string? dex = null) => Build("allMids", w => { if (dex is not null) w.WriteString("dex", dex); });

    /// <summary>Full book snapshots per block; <paramref name="nSigFigs"/> 2–5 aggregates levels.</summary>
    public static WsSubscription L2Book(string coin, int? nSigFigs = null, int? mantissa = null)
    {
        if (nSigFigs is { } n && n is < 2 or > 5) throw new ArgumentOutOfRangeException(nameof(nSigFigs), nSigFigs, "must be 2..5 or null");
        if (mantissa is not null && nSigFigs != 5) throw new ArgumentException("mantissa is only allowed with nSigFigs = 5", nameof(mantissa));
        return Build("l2Book", w =>
        {
            w.WriteString("coin", Coin(coin));
            if (nSigFigs is { } sig) w.WriteNumber("nSigFigs", sig);
            if (mantissa is { } m) w.WriteNumber("mantissa", m);
        });
    }

    public static WsSubscription Trades(string coin) => Build("trades", w => w.WriteString("coin", Coin(coin)));
    public static WsSubscription Bbo(string coin) => Build("bbo", w => w.WriteString("coin", Coin(coin)));
    public static WsSubscription Candle(string coin, string interval) => Build("candle", w =>
    {
        w.WriteString("coin", Coin(coin));
        w.WriteString("interval", string.IsNullOrWhiteSpace(interval) ? throw new ArgumentException("interval is required", nameof(interval)) : interval);
    });
    public static WsSubscription ActiveAssetCtx(string coin) => Build("activeAssetCtx", w => w.WriteString("coin", Coin(coin)));

    /// <summary>Order status changes of <paramref name="user"/>; the frames do not name the user, so one per connection.</summary>
    public static WsSubscription OrderUpdates(string user) => Build("orderUpdates", w => w.WriteString("user", Address(user)));
    /// <summary>Own fills; the first frame after (re)subscribing is a snapshot (<c>isSnapshot</c>).</summary>
    public static WsSubscription UserFills(string user, bool aggregateByTime = false) => Build("userFills", w =>
    {
        w.WriteString("user", Address(user));
        if (aggregateByTime) w.WriteBoolean("aggregateByTime", true);
    });
    /// <summary>Fills, funding, liquidations, venue cancels — delivered on channel <c>user</c>.</summary>
    public static WsSubscription UserEvents(string user) => Build("userEvents", w => w.WriteString("user", Address(user)));
    public static WsSubscription UserFundings(string user) => Build("userFundings", w => w.WriteString("user", Address(user)));

    private static WsSubscription Build(string type, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            fields(w);
            w.WriteEndObject();
        }
        return new WsSubscription(type, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string Coin(string coin) => string.IsNullOrWhiteSpace(coin) ? throw new ArgumentException("coin is required", nameof(coin)) : coin;

    private static string Address(string user) =>
        user is { Length: 42 } && user.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? user.ToLowerInvariant()
            : throw new ArgumentException($"user must be a 0x-prefixed 20-byte hex address, got '{user}'", nameof(user));

    public bool Equals(WsSubscription? other) => other is not null && Json == other.Json;
    public override bool Equals(object? obj) => obj is WsSubscription other && Equals(other);
    public override int GetHashCode() => Json.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Json;
}
