namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Live context of a perp (funding, open interest, mark/oracle/mid prices), as in <c>metaAndAssetCtxs</c>.</summary>
public sealed record PerpAssetContext
{
    public required decimal Funding { get; init; }
    public required decimal OpenInterest { get; init; }
    public required decimal PrevDayPx { get; init; }
    public required decimal DayNtlVlm { get; init; }
    public decimal? Premium { get; init; }
    public required decimal OraclePx { get; init; }
    public required decimal MarkPx { get; init; }
    public decimal? MidPx { get; init; }
    /// <summary>[impact bid, impact ask], or null when the book is too thin.</summary>
    public IReadOnlyList<decimal>? ImpactPxs { get; init; }
    public decimal DayBaseVlm { get; init; }
}
