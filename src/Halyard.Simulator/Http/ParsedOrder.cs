using Halyard.Core.Matching;

namespace Halyard.Simulator.Http;

/// <summary>An order wire checked for shape; <see cref="Error"/> is a per-order rejection found while parsing (e.g. too many decimals).</summary>
internal readonly record struct ParsedOrder(MatchingOrder Order, string? Error);
