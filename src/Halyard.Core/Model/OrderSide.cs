namespace Halyard.Core.Model;

/// <summary>Side of an order or a book level.</summary>
public enum OrderSide
{
    NoOrderSide = 0,
    Buy = 1,
    Sell = 2,
}
