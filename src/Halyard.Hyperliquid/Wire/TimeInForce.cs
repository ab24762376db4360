namespace Halyard.Hyperliquid.Wire;

/// <summary>Limit order time in force: <c>Gtc</c> rests, <c>Ioc</c> fills now or cancels, <c>Alo</c> is post-only.</summary>
public enum TimeInForce
{
    Gtc,
    Ioc,
    Alo,
}
