using System.Runtime.InteropServices;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>
/// A book level parsed straight from wire bytes: fixed-point raw values (scale 10^9, see <see cref="FixedPoint"/>),
/// the decimals written on the wire, and the number of orders at the level.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct BookLevel(long PriceRaw, long SizeRaw, int OrderCount, byte PriceDecimals, byte SizeDecimals)
{
    public Price Price => Price.FromRaw(PriceRaw, PriceDecimals);
    public Quantity Size => Quantity.FromRaw(SizeRaw, SizeDecimals);
    public decimal PriceDecimal => FixedPoint.ToDecimal(PriceRaw);
    public decimal SizeDecimal => FixedPoint.ToDecimal(SizeRaw);
}
