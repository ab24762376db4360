using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>One price level of an L2 book: the price and the total size resting there.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size)
{
    public override string ToString() => $"{Size} @ {Price}";
}
