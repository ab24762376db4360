using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>
/// A POST /exchange answer: <c>{"status":"ok","response":{"type":…[,"data":{"statuses":[…]}]}}</c>, or a
/// whole-request failure <c>{"status":"err","response":"&lt;message&gt;"}</c>.
/// </summary>
[JsonConverter(typeof(ExchangeResponseConverter))]
public sealed record ExchangeResponse
{
    public required bool IsOk { get; init; }
    /// <summary>The message of a <c>status:"err"</c> answer.</summary>
    public string? Error { get; init; }
    /// <summary>"order", "cancel", "default", … (null for errors).</summary>
    public string? ResponseType { get; init; }
    /// <summary>One per order/cancel of the request, in request order; empty for "default".</summary>
    public IReadOnlyList<ExchangeStatus> Statuses { get; init; } = [];
}
