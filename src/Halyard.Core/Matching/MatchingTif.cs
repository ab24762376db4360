namespace Halyard.Core.Matching;

/// <summary>Time in force of a limit order as the matching engine understands it.</summary>
public enum MatchingTif
{
    /// <summary>Good till cancelled: fills what crosses, rests the remainder.</summary>
    Gtc = 1,
    /// <summary>Immediate or cancel: fills what crosses, cancels the remainder.</summary>
    Ioc = 2,
    /// <summary>Add liquidity only (post-only): rejected if it would cross.</summary>
    Alo = 3,
}
