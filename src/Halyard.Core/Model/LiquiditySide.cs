namespace Halyard.Core.Model;

/// <summary>Whether a fill added (maker) or took (taker) liquidity.</summary>
public enum LiquiditySide
{
    NoLiquiditySide = 0,
    Maker = 1,
    Taker = 2,
}
