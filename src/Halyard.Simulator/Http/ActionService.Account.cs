using Halyard.Simulator.Json;
using System.Globalization;
using System.Text.Json;
using Halyard.Core.Matching;

namespace Halyard.Simulator.Http;

internal sealed partial class ActionService
{
    private ActionCommand? ParseModify(JsonElement action, out string? error)
    {
        if (ParseModifyEntry(action, "action", out error) is not { } modify) return null;
        return new ActionCommand(1, (service, account, w) =>
        {
            var result = service.ModifyOne(modify, account);
            if (result.IsError) return result.Error;
            WriteDefault(w);
            return null;
        });
    }

    private ActionCommand? ParseBatchModify(JsonElement action, out string? error)
    {
        error = null;
        if (!action.TryGetProperty("modifies", out var modifies) || modifies.ValueKind != JsonValueKind.Array)
        { error = "Invalid request: missing field `action.modifies` (an array)"; return null; }
        int count = modifies.GetArrayLength();
        if (count == 0) { error = "Invalid request: action.modifies is empty"; return null; }
        if (count > _options.MaxBatchSize) { error = $"Invalid request: action.modifies has {count} entries; at most {_options.MaxBatchSize} are allowed in one batch"; return null; }
        var entries = new (long Oid, string? Cloid, ParsedOrder Order)[count];
        int i = 0;
        foreach (var entry in modifies.EnumerateArray())
        {
            if (ParseModifyEntry(entry, $"action.modifies[{i}]", out error) is not { } parsed) return null;
            entries[i++] = parsed;
        }
        return new ActionCommand(count, (service, account, w) =>
        {
            WriteStatusesStart(w, "order");
            foreach (var entry in entries) WritePlaceResult(w, service.ModifyOne(entry, account));
            WriteStatusesEnd(w);
            return null;
        });
    }

    private (long Oid, string? Cloid, ParsedOrder Order)? ParseModifyEntry(JsonElement entry, string path, out string? error)
    {
        error = null;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("oid", out var oidElement))
        { error = $"Invalid request: missing field `{path}.oid`"; return null; }
        long oid = 0;
        string? cloid = null;
        if (oidElement.ValueKind == JsonValueKind.String)
        {
            cloid = CloidText.Normalize(oidElement.GetString());
            if (cloid is null) { error = $"Invalid request: field `{path}.oid` must be an order id or a cloid (0x + 32 hex digits)"; return null; }
        }
        else if (!oidElement.IsInt64(out oid)) { error = $"Invalid request: field `{path}.oid` must be an order id or a cloid"; return null; }
        if (!entry.TryGetProperty("order", out var order)) { error = $"Invalid request: missing field `{path}.order`"; return null; }
        if (ParseOrderWire(order, path + ".order", out error) is not { } parsed) return null;
        return (oid, cloid, parsed);
    }

    private PlaceResult ModifyOne((long Oid, string? Cloid, ParsedOrder Order) modify, string account)
    {
        if (modify.Order.Error is not null) return PlaceResult.Rejected(modify.Order.Error);
        long nowNs = _exchange.NowNs();
        var replacement = modify.Order.Order with { Account = account };
        return modify.Cloid is null
            ? _exchange.Engine.Modify(account, modify.Oid, replacement, nowNs)
            : _exchange.Engine.ModifyByCloid(account, modify.Cloid, replacement, nowNs);
    }

    private ActionCommand? ParseScheduleCancel(JsonElement action, out string? error)
    {
        error = null;
        long? time = null;
        if (action.TryGetProperty("time", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (!t.IsInt64(out long ms)) { error = "Invalid request: field `action.time` must be a millisecond timestamp"; return null; }
            time = ms;
        }
        return new ActionCommand(0, (service, account, w) =>
        {
            if (service._exchange.ScheduleCancel(account, time) is { } rejection) return rejection;
            WriteDefault(w);
            return null;
        });
    }

    private ActionCommand? ParseUpdateLeverage(JsonElement action, out string? error)
    {
        error = null;
        if (!action.TryGetProperty("asset", out var a) || !a.IsInt64(out long asset)) { error = "Invalid request: field `action.asset` must be an integer"; return null; }
        if (_exchange.CoinOf(asset) is not { } coin) { error = $"Invalid request: unknown asset {asset} in field `action.asset`"; return null; }
        if (!action.TryGetProperty("isCross", out var cross) || cross.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        { error = "Invalid request: field `action.isCross` must be true or false"; return null; }
        if (!action.TryGetProperty("leverage", out var l) || !l.IsInt32(out int leverage)) { error = "Invalid request: field `action.leverage` must be an integer"; return null; }
        if (!cross.GetBoolean()) { error = "Isolated margin is not supported by the simulator; use isCross: true."; return null; }
        return new ActionCommand(0, (service, account, w) =>
        {
            if (service._exchange.Engine.Ledger.UpdateLeverage(account, coin.Name, leverage) is { } rejection) return rejection;
            WriteDefault(w);
            return null;
        });
    }

    private static ActionCommand? ParseUpdateIsolatedMargin(JsonElement action, out string? error)
    {
        if (!action.TryGetProperty("asset", out var a) || !a.IsInt64(out _)) error = "Invalid request: field `action.asset` must be an integer";
        else if (!action.TryGetProperty("ntli", out var n) || !n.IsInt64(out _)) error = "Invalid request: field `action.ntli` must be an integer (USD × 10^6)";
        else error = "Isolated margin is not supported by the simulator: every position is cross margin.";
        return null;
    }

    private static ActionCommand? ParseApproveAgent(JsonElement action, out string? error)
    {
        error = null;
        string? agent = action.TryGetProperty("agentAddress", out var a) && a.ValueKind == JsonValueKind.String ? AddressText.Normalize(a.GetString()) : null;
        if (agent is null) { error = "Invalid request: field `action.agentAddress` must be an address"; return null; }
        return new ActionCommand(0, (service, account, w) =>
        {
            if (agent == account) return "Cannot approve the account itself as its agent.";
            service._exchange.ApproveAgent(account, agent);
            WriteDefault(w);
            return null;
        });
    }

    private static ActionCommand? ParseTransfer(string type, JsonElement action, out string? error)
    {
        error = null;
        string? amountText = action.TryGetProperty("amount", out var am) && am.ValueKind == JsonValueKind.String ? am.GetString() : null;
        // usdClassTransfer may name a sub-account after the amount: "12.5 subaccount:0x…".
        string? amountNumber = amountText?.Split(' ')[0];
        if (amountNumber is null || !decimal.TryParse(amountNumber, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount) || amount <= 0)
        { error = "Invalid request: field `action.amount` must be a positive decimal string"; return null; }
        string? destination = null;
        if (type is "usdSend" or "withdraw3")
        {
            destination = action.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? AddressText.Normalize(d.GetString()) : null;
            if (destination is null) { error = "Invalid request: field `action.destination` must be an address"; return null; }
        }
        bool toPerp = action.TryGetProperty("toPerp", out var tp) && tp.ValueKind == JsonValueKind.True;
        return new ActionCommand(0, (service, account, w) =>
        {
            var exchange = service._exchange;
            string? rejection = type switch
            {
                "usdSend" => exchange.Transfer(account, destination!, amount),
                "withdraw3" => amount <= 1m ? "Withdrawal amount must exceed the $1 fee." : exchange.Withdraw(account, amount),
                _ => exchange.MoveBetweenSpotAndPerp(account, amount, toPerp),
            };
            if (rejection is not null) return rejection;
            WriteDefault(w);
            return null;
        });
    }
}
