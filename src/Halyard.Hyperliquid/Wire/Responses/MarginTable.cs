using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>A margin table, sent on the wire as the pair <c>[id, {"description","marginTiers"}]</c>.</summary>
[JsonConverter(typeof(MarginTableConverter))]
public sealed record MarginTable(int Id, string Description, IReadOnlyList<MarginTier> MarginTiers);
