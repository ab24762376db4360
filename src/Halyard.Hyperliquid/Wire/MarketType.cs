namespace Halyard.Hyperliquid.Wire;

/// <summary>Perpetual or spot: decides the price decimal budget (6 or 8 minus szDecimals, PROTOCOL §2.2).</summary>
public enum MarketType
{
    Perp,
    Spot,
}
