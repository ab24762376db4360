namespace Halyard.Core.Risk;

/// <summary>How the distance of a protective order from the position's entry price is measured.</summary>
public enum StopDistanceKind
{
    /// <summary>A fraction of the average entry price: 0.02 = 2 %.</summary>
    Percent = 1,
    /// <summary>A price distance in quote currency, e.g. 50 = 50 USD below a long's entry.</summary>
    Absolute = 2,
    /// <summary>A multiple of the average true range of the configured bars (a fallback percent until the ATR is ready).</summary>
    AtrMultiple = 3,
}
