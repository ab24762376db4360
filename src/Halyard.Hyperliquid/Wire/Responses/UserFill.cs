namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>One own fill (<c>userFills</c>, <c>userFillsByTime</c>, WS <c>userFills</c>/<c>user</c>). Dedupe on (tid, oid).</summary>
public sealed record UserFill
{
    public required string Coin { get; init; }
    public required decimal Px { get; init; }
    public required decimal Sz { get; init; }
    public required string Side { get; init; }
    public required long Time { get; init; }
    public decimal StartPosition { get; init; }
    public string? Dir { get; init; }
    public decimal ClosedPnl { get; init; }
    public required string Hash { get; init; }
    public required long Oid { get; init; }
    /// <summary>True when this fill took liquidity.</summary>
    public bool Crossed { get; init; }
    /// <summary>Negative means a rebate.</summary>
    public required decimal Fee { get; init; }
    public required long Tid { get; init; }
    public string? FeeToken { get; init; }
    public decimal? BuilderFee { get; init; }
    public string? Cloid { get; init; }
    public FillLiquidation? Liquidation { get; init; }
    public long? TwapId { get; init; }

    public bool IsBuy => Side == "B";
}
