using Halyard.Simulator.Json;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Simulator.Http;

/// <summary>
/// The test control API under /sim/ (never part of the exchange's API): fund accounts, move prices, pause and step
/// the market, inject faults, read stats. JSON in and out; a bad field is a 400 naming it.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, SimulatorRuntime runtime)
    {
        app.MapPost("/sim/fund", context => HandleAsync(context, body =>
        {
            string user = AddressText.Normalize(String(body, "user")) ?? throw new ControlException("field `user` must be an address (0x + 40 hex digits)");
            decimal usdc = Decimal(body, "usdc");
            if (usdc is < 0 or > SimulatorOptions.MaxAccountUsdc) throw new ControlException($"field `usdc` must be between 0 and {SimulatorOptions.MaxAccountUsdc}");
            runtime.Exchange.Fund(user, usdc);
            if (body.TryGetProperty("master", out var m) && m.ValueKind == JsonValueKind.String)
                runtime.Exchange.RegisterSubAccount(user, AddressText.Normalize(m.GetString()) ?? throw new ControlException("field `master` must be an address"));
            return new { user, usdc = usdc.ToString(CultureInfo.InvariantCulture) };
        }));
        app.MapPost("/sim/price", context => HandleAsync(context, body =>
        {
            string coin = String(body, "coin") ?? throw new ControlException("missing field `coin`");
            if (!runtime.Exchange.IsCoin(coin)) throw new ControlException($"field `coin`: unknown coin {coin}");
            decimal px = Decimal(body, "px");
            if (px <= 0) throw new ControlException("field `px` must be positive");
            runtime.Market.SetFairPrice(coin, px);
            return new { coin, px = px.ToString(CultureInfo.InvariantCulture) };
        }));
        app.MapPost("/sim/pause", context => HandleAsync(context, _ => { runtime.Market.Pause(); return new { paused = true }; }, bodyOptional: true));
        app.MapPost("/sim/resume", context => HandleAsync(context, _ => { runtime.Market.Resume(); return new { paused = false }; }, bodyOptional: true));
        app.MapPost("/sim/step", context => HandleAsync(context, body =>
        {
            int ticks = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("ticks", out var t)
                ? (t.IsInt32(out int n) && n is >= 1 and <= 100_000 ? n : throw new ControlException("field `ticks` must be an integer between 1 and 100000"))
                : 1;
            runtime.Market.Step(ticks);
            return new { ticks = runtime.Market.Ticks };
        }, bodyOptional: true));
        app.MapPost("/sim/fault", context => HandleAsync(context, body =>
        {
            bool any = false;
            if (body.TryGetProperty("clear", out var clear) && clear.ValueKind == JsonValueKind.True) { runtime.Faults.Clear(); any = true; }
            if (body.TryGetProperty("dropWebSockets", out var drop))
            {
                if (drop.ValueKind == JsonValueKind.True)
                    foreach (var connection in runtime.Hub.Connections) connection.Abort();
                any = true;
            }
            if (body.TryGetProperty("delayMs", out var delay))
            {
                if (!delay.IsInt32(out int ms) || ms is < 0 or > 60_000) throw new ControlException("field `delayMs` must be an integer between 0 and 60000");
                runtime.Faults.SetDelay(ms);
                any = true;
            }
            if (body.TryGetProperty("httpStatus", out var status))
            {
                if (!status.IsInt32(out int code) || code is < 400 or > 599) throw new ControlException("field `httpStatus` must be an HTTP error status (400-599), e.g. 429 or 500");
                int count = body.TryGetProperty("count", out var c) ? (c.IsInt32(out int n) && n >= 0 ? n : throw new ControlException("field `count` must be a non-negative integer")) : 1;
                runtime.Faults.FailNext(code, count);
                any = true;
            }
            if (body.TryGetProperty("rejectNextOrder", out var reject))
            {
                runtime.Faults.RejectNextOrder(reject.ValueKind == JsonValueKind.String && reject.GetString() is { Length: > 0 } reason
                    ? reason : throw new ControlException("field `rejectNextOrder` must be a non-empty reason string"));
                any = true;
            }
            if (!any) throw new ControlException("expected one of `dropWebSockets`, `delayMs`, `httpStatus` (+ `count`), `rejectNextOrder`, `clear`");
            return new { ok = true };
        }));
        app.MapGet("/sim/stats", context => WriteAsync(context, 200, SimulatorStats.From(runtime)));
    }

    private static async Task HandleAsync(HttpContext context, Func<JsonElement, object> handle, bool bodyOptional = false)
    {
        JsonDocument? document = null;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            string text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!bodyOptional) throw new ControlException("a JSON object body is required");
                text = "{}";
            }
            document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new ControlException("the body must be a JSON object");
            await WriteAsync(context, 200, handle(document.RootElement)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ControlException or JsonException or ArgumentException)
        {
            await WriteAsync(context, 400, new { error = e.Message }).ConfigureAwait(false);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static Task WriteAsync(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(value, value.GetType(), ControlJson.Options), context.RequestAborted);
    }

    private static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static decimal Decimal(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var e)) throw new ControlException($"missing field `{name}`");
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal number)) return number;
        if (e.ValueKind == JsonValueKind.String && decimal.TryParse(e.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal text)) return text;
        throw new ControlException($"field `{name}` must be a decimal number or string");
    }

    private sealed class ControlException(string message) : Exception(message);
}
