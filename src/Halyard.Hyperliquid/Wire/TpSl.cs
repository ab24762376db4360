namespace Halyard.Hyperliquid.Wire;

/// <summary>Whether a trigger order is a take-profit ("tp") or a stop-loss ("sl").</summary>
public enum TpSl
{
    TakeProfit,
    StopLoss,
}
