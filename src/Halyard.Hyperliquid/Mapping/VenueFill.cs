namespace Halyard.Hyperliquid.Mapping;

/// <summary>One own fill as the venue reports it (WS userFills / userEvents, or REST userFillsByTime).</summary>
/// <param name="Tid">Trade id; with <paramref name="Oid"/> it identifies the fill (both sides of a self-trade share a tid).</param>
/// <param name="Fee">Fee paid in <paramref name="FeeToken"/>; negative for a rebate.</param>
/// <param name="Crossed">True when this side took liquidity.</param>
public sealed record VenueFill(
    string Coin,
    ulong Oid,
    string? Cloid,
    long Tid,
    decimal Price,
    decimal Size,
    bool IsBuy,
    long TimeMs,
    decimal Fee,
    string FeeToken,
    bool Crossed);
