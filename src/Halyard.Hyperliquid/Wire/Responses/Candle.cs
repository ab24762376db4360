using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>A candle (REST <c>candleSnapshot</c> and WS <c>candle</c>); OHLCV come as strings.</summary>
public sealed record Candle
{
    [JsonPropertyName("t")] public required long OpenTime { get; init; }
    [JsonPropertyName("T")] public required long CloseTime { get; init; }
    [JsonPropertyName("s")] public required string Coin { get; init; }
    [JsonPropertyName("i")] public required string Interval { get; init; }
    [JsonPropertyName("o")] public required decimal Open { get; init; }
    [JsonPropertyName("c")] public required decimal Close { get; init; }
    [JsonPropertyName("h")] public required decimal High { get; init; }
    [JsonPropertyName("l")] public required decimal Low { get; init; }
    [JsonPropertyName("v")] public required decimal Volume { get; init; }
    [JsonPropertyName("n")] public int TradeCount { get; init; }
}
