namespace Halyard.Hyperliquid.Wire;

/// <summary>How a price or size is brought onto the venue's grid; the caller chooses (a buy limit may round down,
/// a sell limit up, a market order's worst price away from the mid).</summary>
public enum WireRounding
{
    /// <summary>Nearest; halves away from zero.</summary>
    Nearest,

    /// <summary>Nearest; halves to even (banker's).</summary>
    NearestEven,

    /// <summary>Toward +∞.</summary>
    Up,

    /// <summary>Toward −∞.</summary>
    Down,

    /// <summary>Toward zero (truncation, what @nktkas/hyperliquid's formatters do).</summary>
    TowardZero,

    /// <summary>Away from zero.</summary>
    AwayFromZero,
}
