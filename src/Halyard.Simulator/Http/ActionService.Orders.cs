using System.Text.Json;
using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Json;

namespace Halyard.Simulator.Http;

internal sealed partial class ActionService
{
    private ActionCommand? Parse(string type, JsonElement action, out string? error)
    {
        error = null;
        switch (type)
        {
            case "order": return ParseOrderAction(action, out error);
            case "cancel": return ParseCancel(action, byCloid: false, out error);
            case "cancelByCloid": return ParseCancel(action, byCloid: true, out error);
            case "modify": return ParseModify(action, out error);
            case "batchModify": return ParseBatchModify(action, out error);
            case "scheduleCancel": return ParseScheduleCancel(action, out error);
            case "updateLeverage": return ParseUpdateLeverage(action, out error);
            case "updateIsolatedMargin": return ParseUpdateIsolatedMargin(action, out error);
            case "noop": return new ActionCommand(0, static (_, _, w) => { WriteDefault(w); return null; });
            case "approveAgent": return ParseApproveAgent(action, out error);
            case "usdSend" or "withdraw3" or "usdClassTransfer": return ParseTransfer(type, action, out error);
            default:
                error = $"Invalid request: unknown or unsupported action type `{type}`";
                return null;
        }
    }

    private ActionCommand? ParseOrderAction(JsonElement action, out string? error)
    {
        error = null;
        if (!action.TryGetProperty("orders", out var ordersElement) || ordersElement.ValueKind != JsonValueKind.Array)
        { error = "Invalid request: missing field `action.orders` (an array)"; return null; }
        int count = ordersElement.GetArrayLength();
        if (count == 0) { error = "Invalid request: action.orders is empty"; return null; }
        if (count > _options.MaxBatchSize) { error = $"Invalid request: action.orders has {count} orders; at most {_options.MaxBatchSize} are allowed in one batch"; return null; }
        string grouping = action.TryGetProperty("grouping", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : "";
        if (grouping is not ("na" or "normalTpsl" or "positionTpsl"))
        { error = "Invalid request: field `action.grouping` must be \"na\", \"normalTpsl\" or \"positionTpsl\""; return null; }
        var orders = new ParsedOrder[count];
        int i = 0;
        foreach (var wire in ordersElement.EnumerateArray())
        {
            if (ParseOrderWire(wire, $"action.orders[{i}]", out error) is not { } parsed) return null;
            if (grouping != "na" && parsed.Order.Trigger.HasValue && !parsed.Order.ReduceOnly)
            { error = "Invalid request: TP/SL orders in a normalTpsl or positionTpsl group must be reduce only"; return null; }
            orders[i++] = parsed;
        }
        if (grouping == "normalTpsl")
        {
            if (count < 2 || orders[0].Order.Trigger.HasValue || orders.Skip(1).Any(o => !o.Order.Trigger.HasValue))
            { error = "Invalid request: a normalTpsl group is a parent limit order followed by its TP/SL trigger orders"; return null; }
            return new ActionCommand(count, (service, account, w) => service.PlaceGroup(orders, account, w));
        }
        return new ActionCommand(count, (service, account, w) => service.PlaceOrders(orders, account, w));
    }

    private string? PlaceOrders(ParsedOrder[] orders, string account, Utf8JsonWriter w)
    {
        long nowNs = _exchange.NowNs();
        string? injected = _faults.TakeOrderRejection();
        WriteStatusesStart(w, "order");
        foreach (var parsed in orders)
        {
            if (injected is not null) { WriteOrderError(w, injected); injected = null; continue; }
            if (parsed.Error is not null) { WriteOrderError(w, parsed.Error); continue; }
            var result = _exchange.Engine.Place(parsed.Order with { Account = account }, nowNs);
            WritePlaceResult(w, result);
        }
        WriteStatusesEnd(w);
        return null;
    }

    /// <summary>
    /// normalTpsl, run by the matching engine's groups: the parent first; its TP/SL children go live once it has filled
    /// (at once when it fills now, else "waitingForFill" until then) and are dropped if it is cancelled; when one child
    /// fills, its siblings are cancelled with the exchange's <c>siblingFilledCanceled</c> status.
    /// </summary>
    private string? PlaceGroup(ParsedOrder[] orders, string account, Utf8JsonWriter w)
    {
        WriteStatusesStart(w, "order");
        var parent = orders[0];
        string? childError = orders.Skip(1).Select(o => o.Error).FirstOrDefault(e => e is not null);
        if (parent.Error is not null || childError is not null)
        {
            if (parent.Error is not null) WriteOrderError(w, parent.Error);
            else WritePlaceResult(w, _exchange.Engine.Place(parent.Order with { Account = account }, _exchange.NowNs()));
            for (int i = 1; i < orders.Length; i++) WriteOrderError(w, parent.Error is not null ? "Parent order was rejected." : childError!);
            WriteStatusesEnd(w);
            return null;
        }
        MatchingOrder[] children = [.. orders.Skip(1).Select(o => o.Order with { Account = account })];
        PlaceResult[] results = _exchange.Engine.PlaceNormalTpsl(parent.Order with { Account = account }, children, _exchange.NowNs());
        WritePlaceResult(w, results[0]);
        for (int i = 1; i < results.Length; i++)
        {
            if (results[i].Outcome == PlaceOutcome.WaitingForFill) w.WriteStringValue("waitingForFill"u8);
            else WritePlaceResult(w, results[i]);
        }
        WriteStatusesEnd(w);
        return null;
    }

    /// <summary>Parses one order wire <c>{a,b,p,s,r,t,c?}</c>; shape errors name the field and reject the whole request.</summary>
    private ParsedOrder? ParseOrderWire(JsonElement wire, string path, out string? error)
    {
        error = null;
        if (wire.ValueKind != JsonValueKind.Object) { error = $"Invalid request: {path} must be an object"; return null; }
        if (!wire.TryGetProperty("a", out var a) || !a.IsInt64(out long asset)) { error = $"Invalid request: field `{path}.a` (asset id) must be an integer"; return null; }
        if (_exchange.CoinOf(asset) is not { } coin) { error = $"Invalid request: unknown asset {asset} in field `{path}.a`"; return null; }
        if (!wire.TryGetProperty("b", out var b) || b.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { error = $"Invalid request: field `{path}.b` must be true or false"; return null; }
        if (!wire.TryGetProperty("r", out var r) || r.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { error = $"Invalid request: field `{path}.r` must be true or false"; return null; }
        string? perOrder = null;
        if (Decimal(wire, "p", path, out long pxRaw, ref perOrder) is { } pError) { error = pError; return null; }
        if (Decimal(wire, "s", path, out long szRaw, ref perOrder) is { } sError) { error = sError; return null; }
        if (!wire.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.Object) { error = $"Invalid request: field `{path}.t` must be {{\"limit\":…}} or {{\"trigger\":…}}"; return null; }
        MatchingTif tif = MatchingTif.Gtc;
        OrderTrigger? trigger = null;
        if (t.TryGetProperty("limit", out var limit))
        {
            string? tifText = limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty("tif", out var tifElement) && tifElement.ValueKind == JsonValueKind.String ? tifElement.GetString() : null;
            tif = tifText switch
            {
                "Gtc" => MatchingTif.Gtc,
                "Ioc" or "FrontendMarket" => MatchingTif.Ioc,
                "Alo" => MatchingTif.Alo,
                _ => 0,
            };
            if (tif == 0) { error = $"Invalid request: field `{path}.t.limit.tif` must be \"Gtc\", \"Ioc\" or \"Alo\""; return null; }
        }
        else if (t.TryGetProperty("trigger", out var trig) && trig.ValueKind == JsonValueKind.Object)
        {
            if (!trig.TryGetProperty("isMarket", out var isMarket) || isMarket.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            { error = $"Invalid request: field `{path}.t.trigger.isMarket` must be true or false"; return null; }
            if (Decimal(trig, "triggerPx", path + ".t.trigger", out long triggerRaw, ref perOrder) is { } tError) { error = tError; return null; }
            string? tpsl = trig.TryGetProperty("tpsl", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            if (tpsl is not ("tp" or "sl")) { error = $"Invalid request: field `{path}.t.trigger.tpsl` must be \"tp\" or \"sl\""; return null; }
            trigger = new OrderTrigger(triggerRaw, isMarket.GetBoolean(), tpsl == "tp" ? TpSl.Tp : TpSl.Sl);
        }
        else { error = $"Invalid request: field `{path}.t` must be {{\"limit\":…}} or {{\"trigger\":…}}"; return null; }
        string? cloid = null;
        if (wire.TryGetProperty("c", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            cloid = CloidText.Normalize(c.ValueKind == JsonValueKind.String ? c.GetString() : null);
            if (cloid is null) { error = $"Invalid request: field `{path}.c` (cloid) must be 0x followed by 32 hex digits"; return null; }
        }
        var order = new MatchingOrder("", coin.Name, b.GetBoolean() ? OrderSide.Buy : OrderSide.Sell, pxRaw, szRaw, tif, r.GetBoolean(), cloid, trigger);
        return new ParsedOrder(order, perOrder);
    }

    /// <summary>
    /// A decimal string field. Text that is not a number rejects the request; a number with more decimals than the
    /// engine carries becomes the per-order tick (or size) error the exchange would give.
    /// </summary>
    private static string? Decimal(JsonElement wire, string name, string path, out long raw, ref string? perOrder)
    {
        raw = 0;
        if (!wire.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.String)
            return $"Invalid request: field `{path}.{name}` must be a decimal string";
        string text = e.GetString()!;
        if (FixedPoint.TryParse(text.AsSpan(), out raw, out _, out string? parseError)) return null;
        if (parseError is not null && parseError.Contains("decimal places", StringComparison.Ordinal))
        {
            perOrder ??= name == "s" ? MatchingErrors.InvalidSize : name == "triggerPx" ? MatchingErrors.InvalidTriggerPx : MatchingErrors.PriceTick;
            raw = 1;
            return null;
        }
        return $"Invalid request: field `{path}.{name}` must be a decimal string; got \"{text}\"";
    }

    private ActionCommand? ParseCancel(JsonElement action, bool byCloid, out string? error)
    {
        error = null;
        if (!action.TryGetProperty("cancels", out var cancels) || cancels.ValueKind != JsonValueKind.Array)
        { error = "Invalid request: missing field `action.cancels` (an array)"; return null; }
        int count = cancels.GetArrayLength();
        if (count == 0) { error = "Invalid request: action.cancels is empty"; return null; }
        if (count > _options.MaxBatchSize) { error = $"Invalid request: action.cancels has {count} cancels; at most {_options.MaxBatchSize} are allowed in one batch"; return null; }
        var targets = new (string Coin, long Oid, string? Cloid)[count];
        int i = 0;
        foreach (var cancel in cancels.EnumerateArray())
        {
            string path = $"action.cancels[{i}]";
            string assetKey = byCloid ? "asset" : "a";
            if (cancel.ValueKind != JsonValueKind.Object || !cancel.TryGetProperty(assetKey, out var a) || !a.IsInt64(out long asset))
            { error = $"Invalid request: field `{path}.{assetKey}` (asset id) must be an integer"; return null; }
            if (_exchange.CoinOf(asset) is not { } coin) { error = $"Invalid request: unknown asset {asset} in field `{path}.{assetKey}`"; return null; }
            if (byCloid)
            {
                string? cloid = cancel.TryGetProperty("cloid", out var c) && c.ValueKind == JsonValueKind.String ? CloidText.Normalize(c.GetString()) : null;
                if (cloid is null) { error = $"Invalid request: field `{path}.cloid` must be 0x followed by 32 hex digits"; return null; }
                targets[i++] = (coin.Name, 0, cloid);
            }
            else
            {
                if (!cancel.TryGetProperty("o", out var o) || !o.IsInt64(out long oid)) { error = $"Invalid request: field `{path}.o` (order id) must be an integer"; return null; }
                targets[i++] = (coin.Name, oid, null);
            }
        }
        return new ActionCommand(count, (service, account, w) => service.CancelOrders(targets, account, w));
    }

    private string? CancelOrders((string Coin, long Oid, string? Cloid)[] targets, string account, Utf8JsonWriter w)
    {
        long nowNs = _exchange.NowNs();
        WriteStatusesStart(w, "cancel");
        foreach (var (coin, oid, cloid) in targets)
        {
            var result = cloid is null
                ? _exchange.Engine.Cancel(account, coin, oid, nowNs)
                : _exchange.Engine.CancelByCloid(account, coin, cloid, nowNs);
            if (result.IsSuccess) w.WriteStringValue("success"u8);
            else WriteOrderError(w, result.Error!);
        }
        WriteStatusesEnd(w);
        return null;
    }

    private static void WriteStatusesStart(Utf8JsonWriter w, string type)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "ok");
        w.WriteStartObject("response"u8);
        w.WriteString("type"u8, type);
        w.WriteStartObject("data"u8);
        w.WriteStartArray("statuses"u8);
    }

    private static void WriteStatusesEnd(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteOrderError(Utf8JsonWriter w, string error)
    {
        w.WriteStartObject();
        w.WriteString("error"u8, error);
        w.WriteEndObject();
    }

    private static void WritePlaceResult(Utf8JsonWriter w, in PlaceResult result)
    {
        switch (result.Outcome)
        {
            case PlaceOutcome.Resting:
                w.WriteStartObject();
                w.WriteStartObject("resting"u8);
                w.WriteNumber("oid"u8, result.Oid);
                if (result.Cloid is not null) w.WriteString("cloid"u8, result.Cloid);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case PlaceOutcome.Filled:
                w.WriteStartObject();
                w.WriteStartObject("filled"u8);
                w.WriteString("totalSz"u8, WireText.Raw(result.TotalSzRaw));
                w.WriteString("avgPx"u8, WireText.Rounded(result.AvgPx, 8));
                w.WriteNumber("oid"u8, result.Oid);
                if (result.Cloid is not null) w.WriteString("cloid"u8, result.Cloid);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case PlaceOutcome.WaitingForTrigger:
                w.WriteStringValue("waitingForTrigger"u8);
                break;
            default:
                WriteOrderError(w, result.Error ?? "Order rejected.");
                break;
        }
    }
}
