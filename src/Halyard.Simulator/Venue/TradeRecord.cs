namespace Halyard.Simulator.Venue;

/// <summary>A public trade (trades channel): the aggressor's side, and the buyer then the seller.</summary>
internal sealed record TradeRecord(string Coin, bool AggressorIsBuy, decimal Px, decimal Sz, long TimeMs, string Hash, long Tid, string Buyer, string Seller);
