using System.Buffers;
using System.Text.Json;
using Halyard.Simulator.Json;
using Halyard.Simulator.Market;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Http;

/// <summary>
/// Answers POST /info bodies (and WS info posts) from the exchange's state, in the shapes of the real API.
/// Validation happens before anything is written, so a failed request leaves the output empty.
/// </summary>
internal sealed class InfoService
{
    private readonly SimulatedExchange _exchange;

    public InfoService(SimulatedExchange exchange) => _exchange = exchange;

    public InfoAnswer Answer(JsonElement request, IBufferWriter<byte> output)
    {
        if (request.ValueKind != JsonValueKind.Object) return InfoAnswer.Fail("", "Invalid request: the body must be a JSON object");
        if (!request.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            return InfoAnswer.Fail("", "Invalid request: missing field `type`");
        string type = typeElement.GetString()!;
        var query = new InfoQuery(request, type);
        InfoAnswer answer;
        using var writer = new Utf8JsonWriter(output, Halyard.Simulator.Json.JsonOut.Options);
        lock (_exchange.Gate)
        {
            answer = type switch
            {
                "meta" => Meta(writer),
                "metaAndAssetCtxs" => MetaAndAssetCtxs(writer),
                "allMids" => AllMids(writer),
                "l2Book" => L2Book(query, writer),
                "clearinghouseState" => ClearinghouseState(query, writer),
                "openOrders" => OpenOrders(query, writer, frontend: false),
                "frontendOpenOrders" => OpenOrders(query, writer, frontend: true),
                "userFills" => UserFills(query, writer),
                "userFillsByTime" => UserFillsByTime(query, writer),
                "orderStatus" => OrderStatus(query, writer),
                "candleSnapshot" => CandleSnapshot(query, writer),
                "fundingHistory" => FundingHistory(query, writer),
                "userFunding" => UserFunding(query, writer),
                "userRateLimit" => UserRateLimit(query, writer),
                _ => InfoAnswer.Fail(type, $"Invalid request: unknown variant `{type}` of field `type`"),
            };
        }
        writer.Flush();
        return answer;
    }

    private InfoAnswer Meta(Utf8JsonWriter w)
    {
        MarketJson.WriteMeta(w, _exchange.Coins);
        return new("meta", null);
    }

    private InfoAnswer MetaAndAssetCtxs(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        MarketJson.WriteMeta(w, _exchange.Coins);
        w.WriteStartArray();
        foreach (var coin in _exchange.Coins) MarketJson.WriteAssetCtx(w, _exchange.ContextOf(coin.Name));
        w.WriteEndArray();
        w.WriteEndArray();
        return new("metaAndAssetCtxs", null);
    }

    private InfoAnswer AllMids(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        foreach (var coin in _exchange.Coins) w.WriteString(coin.Name, WireText.Decimal(_exchange.Mid(coin.Name)));
        w.WriteEndObject();
        return new("allMids", null);
    }

    private InfoAnswer L2Book(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.Coin(_exchange) is not { } coin) return q.Failure;
        if (!q.OptionalInt("nSigFigs", out int? sigFigs) || sigFigs is not (null or 2 or 3 or 4 or 5))
            return q.Fail("Invalid request: field `nSigFigs` must be null, 2, 3, 4 or 5");
        if (!q.OptionalInt("mantissa", out int? mantissa) || mantissa is not (null or 1 or 2 or 5) || (mantissa is not null && sigFigs != 5))
            return q.Fail("Invalid request: field `mantissa` must be null, or 1, 2 or 5 with nSigFigs 5");
        BookJson.WriteSnapshot(w, coin, _exchange.NowMs(), _exchange.Engine.GetBook(coin), sigFigs, mantissa);
        return new(q.Type, null);
    }

    private InfoAnswer ClearinghouseState(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        AccountJson.WriteClearinghouseState(w, _exchange.Engine.Ledger.Snapshot(user), _exchange.NowMs());
        return new(q.Type, null);
    }

    private InfoAnswer OpenOrders(InfoQuery q, Utf8JsonWriter w, bool frontend)
    {
        if (q.User() is not { } user) return q.Failure;
        w.WriteStartArray();
        foreach (var order in _exchange.OpenOrdersOf(user))
        {
            if (frontend) OrderJson.WriteFrontend(w, order);
            else OrderJson.WriteBasic(w, order);
        }
        w.WriteEndArray();
        return new(q.Type, null);
    }

    private InfoAnswer UserFills(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        FillJson.WriteArray(w, _exchange.FillsOf(user, 2000));
        return new(q.Type, null);
    }

    private InfoAnswer UserFillsByTime(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        if (q.RequiredTime("startTime") is not long start) return q.Failure;
        if (!q.OptionalTime("endTime", out long? end)) return q.Failure;
        FillJson.WriteArray(w, _exchange.FillsByTime(user, start, end ?? long.MaxValue, 2000));
        return new(q.Type, null);
    }

    private InfoAnswer OrderStatus(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        if (!q.Request.TryGetProperty("oid", out var oidElement)) return q.Fail("Invalid request: missing field `oid`");
        OrderRecord? record;
        if (oidElement.ValueKind == JsonValueKind.Number && oidElement.TryGetInt64(out long oid)) record = _exchange.OrderOf(user, oid);
        else if (oidElement.ValueKind == JsonValueKind.String && CloidText.Normalize(oidElement.GetString()) is { } cloid) record = _exchange.OrderOf(user, cloid);
        else return q.Fail("Invalid request: field `oid` must be an order id (integer) or a cloid (0x + 32 hex digits)");
        w.WriteStartObject();
        if (record is null)
        {
            w.WriteString("status"u8, "unknownOid");
        }
        else
        {
            w.WriteString("status"u8, "order");
            w.WriteStartObject("order"u8);
            w.WritePropertyName("order"u8);
            OrderJson.WriteFrontend(w, record.Order);
            w.WriteString("status"u8, record.Status);
            w.WriteNumber("statusTimestamp"u8, record.StatusTimestampMs);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        return new(q.Type, null);
    }

    private InfoAnswer CandleSnapshot(InfoQuery q, Utf8JsonWriter w)
    {
        if (!q.Request.TryGetProperty("req", out var req) || req.ValueKind != JsonValueKind.Object)
            return q.Fail("Invalid request: missing field `req`");
        var inner = new InfoQuery(req, q.Type, "req.");
        if (inner.Coin(_exchange) is not { } coin) return inner.Failure;
        if (!req.TryGetProperty("interval", out var i) || i.ValueKind != JsonValueKind.String || Array.IndexOf(CandleBook.Intervals, i.GetString()) < 0)
            return q.Fail("Invalid request: field `req.interval` must be one of " + string.Join(", ", CandleBook.Intervals));
        if (inner.RequiredTime("startTime") is not long start) return inner.Failure;
        if (!inner.OptionalTime("endTime", out long? end)) return inner.Failure;
        w.WriteStartArray();
        foreach (var candle in _exchange.Candles.Range(coin, i.GetString()!, start, end ?? long.MaxValue)) MarketJson.WriteCandle(w, candle);
        w.WriteEndArray();
        return new(q.Type, null);
    }

    private InfoAnswer FundingHistory(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.Coin(_exchange) is not { } coin) return q.Failure;
        if (q.RequiredTime("startTime") is not long start) return q.Failure;
        if (!q.OptionalTime("endTime", out long? end)) return q.Failure;
        w.WriteStartArray();
        foreach (var record in _exchange.FundingHistory(coin, start, end ?? long.MaxValue))
        {
            w.WriteStartObject();
            w.WriteString("coin"u8, record.Coin);
            w.WriteString("fundingRate"u8, WireText.Decimal(record.FundingRate));
            w.WriteString("premium"u8, WireText.Decimal(record.Premium));
            w.WriteNumber("time"u8, record.TimeMs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        return new(q.Type, null);
    }

    private InfoAnswer UserFunding(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        if (q.RequiredTime("startTime") is not long start) return q.Failure;
        if (!q.OptionalTime("endTime", out long? end)) return q.Failure;
        w.WriteStartArray();
        foreach (var funding in _exchange.FundingsOf(user, start, end ?? long.MaxValue))
        {
            w.WriteStartObject();
            w.WriteNumber("time"u8, funding.TimeMs);
            w.WriteString("hash"u8, funding.Hash);
            w.WriteStartObject("delta"u8);
            w.WriteString("type"u8, "funding");
            w.WriteString("coin"u8, funding.Coin);
            w.WriteString("usdc"u8, WireText.Rounded(funding.Usdc, 6));
            w.WriteString("szi"u8, WireText.Decimal(funding.Szi));
            w.WriteString("fundingRate"u8, WireText.Decimal(funding.FundingRate));
            w.WriteNull("nSamples"u8);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        return new(q.Type, null);
    }

    private InfoAnswer UserRateLimit(InfoQuery q, Utf8JsonWriter w)
    {
        if (q.User() is not { } user) return q.Failure;
        decimal volume = _exchange.Volume(user);
        w.WriteStartObject();
        w.WriteString("cumVlm"u8, WireText.Rounded(volume, 6));
        w.WriteNumber("nRequestsUsed"u8, _exchange.RequestsUsed(user));
        w.WriteNumber("nRequestsCap"u8, 10_000 + (long)volume);
        w.WriteNumber("nRequestsSurplus"u8, 0);
        w.WriteEndObject();
        return new(q.Type, null);
    }
}
