using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Strategies;

/// <summary>A <see cref="PerpStrategy"/> the test steers: it moves toward the direction it is told and records what it sent.</summary>
internal sealed class TargetStrategy(PerpStrategyConfig config) : PerpStrategy(config)
{
    public List<OrderDenied> Denied { get; } = [];
    public bool Started { get; private set; }

    public Order? Move(InstrumentId id, int direction) => MoveToward(id, direction, out _);

    public Order? Move(InstrumentId id, int direction, out bool reachesTarget) => MoveToward(id, direction, out reachesTarget);

    public decimal Position(InstrumentId id) => PositionOf(id);

    public bool Pending(InstrumentId id) => HasPendingOrders(id);

    public Quantity Room(InstrumentId id, int direction, decimal price) => MaxPosition(id, direction, price);

    protected override void OnStarted() => Started = true;

    protected override void OnOrderDenied(OrderDenied e) => Denied.Add(e);
}
