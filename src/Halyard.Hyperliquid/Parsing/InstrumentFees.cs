namespace Halyard.Hyperliquid.Parsing;

/// <summary>Fee rates applied to loaded instruments, as fractions (0.00045 = 0.045 %).</summary>
public sealed record InstrumentFees(decimal MakerFee, decimal TakerFee)
{
    /// <summary>Hyperliquid's base tier for perps: maker 0.015 %, taker 0.045 %.</summary>
    public static readonly InstrumentFees PerpBase = new(0.00015m, 0.00045m);
}
