namespace Halyard.Core.Model;

/// <summary>Which price a bar is built from.</summary>
public enum PriceType
{
    Bid = 1,
    Ask = 2,
    Mid = 3,
    Last = 4,
    Mark = 5,
}
