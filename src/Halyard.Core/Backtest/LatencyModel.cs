namespace Halyard.Core.Backtest;

/// <summary>
/// Fixed delays of the simulated venue: a command reaches the venue <see cref="OrderToVenueNs"/> after the
/// strategy sent it, and what the venue does reaches the strategy <see cref="VenueToStrategyNs"/> later.
/// </summary>
public sealed record LatencyModel(long OrderToVenueNs = 0, long VenueToStrategyNs = 0)
{
    public static readonly LatencyModel None = new();

    public string? Error()
    {
        if (OrderToVenueNs < 0) return $"{nameof(LatencyModel)}.{nameof(OrderToVenueNs)} must not be negative (was {OrderToVenueNs})";
        if (VenueToStrategyNs < 0) return $"{nameof(LatencyModel)}.{nameof(VenueToStrategyNs)} must not be negative (was {VenueToStrategyNs})";
        return null;
    }
}
