namespace Halyard.Hyperliquid.Parsing;

/// <summary>One price level off the wire, as raw fixed-point values (scaled by 10^9).</summary>
public readonly record struct WireLevel(long PriceRaw, long SizeRaw);
