using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>
/// One per-order (or per-cancel) status: <c>{"resting":{oid[,cloid]}}</c>, <c>{"filled":{totalSz,avgPx,oid[,cloid]}}</c>,
/// <c>{"error":"…"}</c>, or a bare string ("success", "waitingForFill", "waitingForTrigger", or something new).
/// </summary>
[JsonConverter(typeof(ExchangeStatusConverter))]
public sealed record ExchangeStatus
{
    public required ExchangeStatusKind Kind { get; init; }
    public long? Oid { get; init; }
    public string? Cloid { get; init; }
    public decimal? TotalSz { get; init; }
    public decimal? AvgPx { get; init; }
    /// <summary>The venue's message for <see cref="ExchangeStatusKind.Error"/>.</summary>
    public string? Error { get; init; }
    /// <summary>The status text or object key as received (useful for <see cref="ExchangeStatusKind.Unknown"/>).</summary>
    public string? RawText { get; init; }

    public static ExchangeStatus Resting(long oid, string? cloid = null) => new() { Kind = ExchangeStatusKind.Resting, Oid = oid, Cloid = cloid, RawText = "resting" };
    public static ExchangeStatus Filled(decimal totalSz, decimal avgPx, long oid, string? cloid = null) =>
        new() { Kind = ExchangeStatusKind.Filled, TotalSz = totalSz, AvgPx = avgPx, Oid = oid, Cloid = cloid, RawText = "filled" };
    public static ExchangeStatus Failed(string message) => new() { Kind = ExchangeStatusKind.Error, Error = message, RawText = "error" };
}
