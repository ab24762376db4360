namespace Halyard.Hyperliquid.Wire;

/// <summary>How the orders of one action relate (PROTOCOL §5.1): "na", "normalTpsl", "positionTpsl".</summary>
public enum OrderGrouping
{
    Na,
    NormalTpsl,
    PositionTpsl,
}
