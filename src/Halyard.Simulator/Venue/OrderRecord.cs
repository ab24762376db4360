using Halyard.Core.Matching;

namespace Halyard.Simulator.Venue;

/// <summary>The last known state of a user's order (for orderStatus): the order, its status string and when it got it.</summary>
internal sealed record OrderRecord(OpenOrder Order, string Status, long StatusTimestampMs);
