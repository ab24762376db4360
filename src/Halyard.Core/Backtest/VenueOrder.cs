using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>What the simulated venue remembers of one strategy order it holds.</summary>
internal sealed class VenueOrder(Order order, string cloid, CoinState coin)
{
    public Order Order { get; } = order;
    public string Cloid { get; } = cloid;
    public CoinState Coin { get; } = coin;
    public long Oid { get; set; }
    public bool Accepted { get; set; }
    /// <summary>Set while a modify cancels and replaces it, so the cancel half is not reported as a cancel.</summary>
    public bool Replacing { get; set; }
    /// <summary>Resting on the book (not waiting for a trigger).</summary>
    public bool Resting { get; set; }
    /// <summary>Waiting off-book for its trigger price.</summary>
    public bool Waiting { get; set; }
    public bool IsBuy => Order.Side == OrderSide.Buy;
    public long PxRaw { get; set; }
    /// <summary>Displayed size ahead of it at its price when it joined (queue position approximation).</summary>
    public long QueueAheadRaw { get; set; }
    public VenueOrderId VenueOrderId => new(Oid.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
