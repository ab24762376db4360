using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>A public trade parsed from wire bytes (fixed-point raw values, scale 10^9).</summary>
public readonly record struct TradePrint(long PriceRaw, long SizeRaw, long Time, long Tid, bool AggressorIsBuyer, byte PriceDecimals, byte SizeDecimals)
{
    public Price Price => Price.FromRaw(PriceRaw, PriceDecimals);
    public Quantity Size => Quantity.FromRaw(SizeRaw, SizeDecimals);
}
