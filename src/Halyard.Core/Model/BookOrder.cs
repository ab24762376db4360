namespace Halyard.Core.Model;

/// <summary>An order (L3) or a price level (L2, <see cref="OrderId"/> derived from the price) in a book.</summary>
public readonly record struct BookOrder(OrderSide Side, Price Price, Quantity Size, ulong OrderId);
