namespace Halyard.Core.Model;

/// <summary>Which side took liquidity in a trade.</summary>
public enum AggressorSide
{
    NoAggressor = 0,
    Buyer = 1,
    Seller = 2,
}
