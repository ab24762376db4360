namespace Halyard.Hyperliquid.Wire;

/// <summary>One cancel by venue order id: <c>{"a": asset, "o": oid}</c>.</summary>
public readonly record struct CancelWire(int Asset, ulong Oid);
