namespace Halyard.Core.Model;

/// <summary>Kinds of orders the kernel understands.</summary>
public enum OrderType
{
    Market = 1,
    Limit = 2,
    StopMarket = 3,
    StopLimit = 4,
    MarketIfTouched = 5,
    LimitIfTouched = 6,
}
