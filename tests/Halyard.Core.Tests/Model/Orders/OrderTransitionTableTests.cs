using Halyard.Core.Model;
using Halyard.Core.Tests.Execution;
using S = Halyard.Core.Model.OrderStatus;
using K = Halyard.Core.Model.OrderEventKind;

namespace Halyard.Core.Tests.Model.Orders;

/// <summary>Drives a real order into each status through venue events, then applies every event of the transition tables.</summary>
public class OrderTransitionTableTests
{
    public static TheoryData<S, K, bool, S> Transitions()
    {
        var data = new TheoryData<S, K, bool, S>();
        foreach (var (from, kind, complete, to) in OrderStateMachineTests.Legal) data.Add(from, kind, complete, to);
        foreach (var (from, kind, complete, to, _) in OrderStateMachineTests.LegalFromPending) data.Add(from, kind, complete, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Order_applies_each_legal_transition(S from, K kind, bool complete, S to)
    {
        // A stop-limit, so that Triggered is legal for it.
        Order order = TestOrders.Order("1.0", type: OrderType.StopLimit);
        var events = new OrderEvents(order);
        foreach (K step in PathTo(from))
            order.Apply(events.Of(step)).IsApplied.ShouldBeTrue($"reaching {from} via {step}");
        order.Status.ShouldBe(from);

        OrderTransitionResult result = order.Apply(events.Of(kind, complete));
        result.Error.ShouldBeNull();
        result.Before.ShouldBe(from);
        order.Status.ShouldBe(to);
        order.Events[^1].Kind.ShouldBe(kind);
    }

    [Fact]
    public void Order_refuses_transitions_outside_the_tables_with_the_state_in_the_message()
    {
        foreach (S from in Enum.GetValues<S>())
        foreach (K kind in Enum.GetValues<K>().Where(k => k != K.Initialized))
        {
            bool legal = OrderStateMachineTests.Legal.Any(t => t.From == from && t.Kind == kind)
                || OrderStateMachineTests.LegalFromPending.Any(t => t.Pending == from && t.Kind == kind);
            if (legal) continue;
            Order order = TestOrders.Order("1.0", type: OrderType.StopLimit);
            var events = new OrderEvents(order);
            foreach (K step in PathTo(from)) order.Apply(events.Of(step));
            IOrderEvent e = events.Of(kind);
            OrderTransitionResult result = order.Apply(e);
            result.IsInvalid.ShouldBeTrue($"{from} + {kind}");
            if (from == S.Filled && kind == K.Filled) // the more precise reason wins for a filled order
                result.Error.ShouldEndWith($"would over-fill order {order.ClientOrderId}: filled 1.0 of 1.0");
            else
                result.Error.ShouldBe($"cannot apply {e.GetType().Name} to order {order.ClientOrderId} in state {Halyard.Core.Execution.OrderStateMachine.Name(from)}");
            order.Status.ShouldBe(from);
        }
    }

    private static K[] PathTo(S status) => status switch
    {
        S.Initialized => [],
        S.Denied => [K.Denied],
        S.Submitted => [K.Submitted],
        S.Rejected => [K.Submitted, K.Rejected],
        S.Accepted => [K.Submitted, K.Accepted],
        S.Triggered => [K.Submitted, K.Accepted, K.Triggered],
        S.PartiallyFilled => [K.Submitted, K.Accepted, K.Filled],
        S.Canceled => [K.Submitted, K.Accepted, K.Canceled],
        S.Expired => [K.Submitted, K.Accepted, K.Expired],
        S.PendingUpdate => [K.Submitted, K.Accepted, K.PendingUpdate],
        S.PendingCancel => [K.Submitted, K.Accepted, K.PendingCancel],
        S.Filled => [K.Submitted, K.Accepted, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled, K.Filled],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
