namespace Halyard.Hyperliquid.Wire;

/// <summary>One cancel by client order id: <c>{"asset": asset, "cloid": "0x…"}</c> (long key names).</summary>
public readonly record struct CancelByCloidWire(int Asset, Cloid Cloid);
