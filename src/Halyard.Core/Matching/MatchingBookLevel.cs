namespace Halyard.Core.Matching;

/// <summary>One aggregated (L2) price level: price, total size and number of orders.</summary>
public readonly record struct MatchingBookLevel(long PxRaw, long SzRaw, int Count);
