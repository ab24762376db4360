namespace Halyard.Simulator.Venue;

/// <summary>A funding payment of one user's position (userFundings, userFunding, userEvents funding).</summary>
internal sealed record UserFunding(long TimeMs, string Coin, decimal Usdc, decimal Szi, decimal FundingRate, string Hash);
