namespace Halyard.Simulator.Venue;

/// <summary>A coin's funding rate at one funding time (fundingHistory).</summary>
internal sealed record FundingRecord(string Coin, decimal FundingRate, decimal Premium, long TimeMs);
