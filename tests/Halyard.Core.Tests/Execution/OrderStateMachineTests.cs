using Halyard.Core.Execution;
using Halyard.Core.Model;
using S = Halyard.Core.Model.OrderStatus;
using K = Halyard.Core.Model.OrderEventKind;

namespace Halyard.Core.Tests.Execution;

public class OrderStateMachineTests
{
    /// <summary>The legal transitions from settled (non-pending) statuses, written out by hand from the spec.
    /// A fill appears twice: partial (complete=false) and completing (complete=true).</summary>
    internal static readonly (S From, K Kind, bool Complete, S To)[] Legal =
    [
        (S.Initialized, K.Denied, false, S.Denied),
        (S.Initialized, K.Submitted, false, S.Submitted),
        (S.Initialized, K.Rejected, false, S.Rejected),
        (S.Initialized, K.Accepted, false, S.Accepted),
        (S.Initialized, K.Canceled, false, S.Canceled),
        (S.Initialized, K.Expired, false, S.Expired),

        (S.Submitted, K.Accepted, false, S.Accepted),
        (S.Submitted, K.Rejected, false, S.Rejected),
        (S.Submitted, K.Canceled, false, S.Canceled),
        (S.Submitted, K.Triggered, false, S.Triggered),
        (S.Submitted, K.Updated, false, S.Submitted),
        (S.Submitted, K.PendingUpdate, false, S.PendingUpdate),
        (S.Submitted, K.PendingCancel, false, S.PendingCancel),
        (S.Submitted, K.Filled, false, S.PartiallyFilled),
        (S.Submitted, K.Filled, true, S.Filled),
        (S.Submitted, K.ModifyRejected, false, S.Submitted),
        (S.Submitted, K.CancelRejected, false, S.Submitted),

        (S.Accepted, K.Rejected, false, S.Rejected),
        (S.Accepted, K.Canceled, false, S.Canceled),
        (S.Accepted, K.Expired, false, S.Expired),
        (S.Accepted, K.Triggered, false, S.Triggered),
        (S.Accepted, K.Updated, false, S.Accepted),
        (S.Accepted, K.PendingUpdate, false, S.PendingUpdate),
        (S.Accepted, K.PendingCancel, false, S.PendingCancel),
        (S.Accepted, K.Filled, false, S.PartiallyFilled),
        (S.Accepted, K.Filled, true, S.Filled),
        (S.Accepted, K.ModifyRejected, false, S.Accepted),
        (S.Accepted, K.CancelRejected, false, S.Accepted),

        (S.Triggered, K.Rejected, false, S.Rejected),
        (S.Triggered, K.Canceled, false, S.Canceled),
        (S.Triggered, K.Expired, false, S.Expired),
        (S.Triggered, K.Updated, false, S.Triggered),
        (S.Triggered, K.PendingUpdate, false, S.PendingUpdate),
        (S.Triggered, K.PendingCancel, false, S.PendingCancel),
        (S.Triggered, K.Filled, false, S.PartiallyFilled),
        (S.Triggered, K.Filled, true, S.Filled),
        (S.Triggered, K.ModifyRejected, false, S.Triggered),
        (S.Triggered, K.CancelRejected, false, S.Triggered),

        (S.PartiallyFilled, K.Accepted, false, S.PartiallyFilled),
        (S.PartiallyFilled, K.Canceled, false, S.Canceled),
        (S.PartiallyFilled, K.Expired, false, S.Expired),
        (S.PartiallyFilled, K.Updated, false, S.PartiallyFilled),
        (S.PartiallyFilled, K.PendingUpdate, false, S.PendingUpdate),
        (S.PartiallyFilled, K.PendingCancel, false, S.PendingCancel),
        (S.PartiallyFilled, K.Filled, false, S.PartiallyFilled),
        (S.PartiallyFilled, K.Filled, true, S.Filled),
        (S.PartiallyFilled, K.ModifyRejected, false, S.PartiallyFilled),
        (S.PartiallyFilled, K.CancelRejected, false, S.PartiallyFilled),

        (S.Canceled, K.Filled, false, S.Canceled),
        (S.Canceled, K.Filled, true, S.Filled),
        (S.Canceled, K.ModifyRejected, false, S.Canceled),
        (S.Canceled, K.CancelRejected, false, S.Canceled),
        (S.Expired, K.Filled, false, S.Expired),
        (S.Expired, K.Filled, true, S.Filled),
        (S.Expired, K.ModifyRejected, false, S.Expired),
        (S.Expired, K.CancelRejected, false, S.Expired),
        (S.Filled, K.ModifyRejected, false, S.Filled),
        (S.Filled, K.CancelRejected, false, S.Filled),
    ];

    /// <summary>Pending states with Accepted underneath: (pending, event, complete, next status, next underlying).</summary>
    internal static readonly (S Pending, K Kind, bool Complete, S To, S Underlying)[] LegalFromPending =
    [
        (S.PendingUpdate, K.Updated, false, S.Accepted, S.Accepted),
        (S.PendingUpdate, K.ModifyRejected, false, S.Accepted, S.Accepted),
        (S.PendingUpdate, K.CancelRejected, false, S.PendingUpdate, S.Accepted),
        (S.PendingUpdate, K.PendingUpdate, false, S.PendingUpdate, S.Accepted),
        (S.PendingUpdate, K.PendingCancel, false, S.PendingCancel, S.Accepted),
        (S.PendingUpdate, K.Rejected, false, S.Rejected, S.Rejected),
        (S.PendingUpdate, K.Canceled, false, S.Canceled, S.Canceled),
        (S.PendingUpdate, K.Expired, false, S.Expired, S.Expired),
        (S.PendingUpdate, K.Triggered, false, S.PendingUpdate, S.Triggered),
        (S.PendingUpdate, K.Filled, false, S.PendingUpdate, S.PartiallyFilled),
        (S.PendingUpdate, K.Filled, true, S.Filled, S.Filled),

        (S.PendingCancel, K.CancelRejected, false, S.Accepted, S.Accepted),
        (S.PendingCancel, K.ModifyRejected, false, S.PendingCancel, S.Accepted),
        (S.PendingCancel, K.Updated, false, S.PendingCancel, S.Accepted),
        (S.PendingCancel, K.PendingCancel, false, S.PendingCancel, S.Accepted),
        (S.PendingCancel, K.Rejected, false, S.Rejected, S.Rejected),
        (S.PendingCancel, K.Canceled, false, S.Canceled, S.Canceled),
        (S.PendingCancel, K.Expired, false, S.Expired, S.Expired),
        (S.PendingCancel, K.Triggered, false, S.PendingCancel, S.Triggered),
        (S.PendingCancel, K.Filled, false, S.PendingCancel, S.PartiallyFilled),
        (S.PendingCancel, K.Filled, true, S.Filled, S.Filled),
    ];

    public static TheoryData<S, K, bool, S> LegalTransitions()
    {
        var data = new TheoryData<S, K, bool, S>();
        foreach (var (from, kind, complete, to) in Legal) data.Add(from, kind, complete, to);
        return data;
    }

    public static TheoryData<S, K, bool, S, S> LegalPendingTransitions()
    {
        var data = new TheoryData<S, K, bool, S, S>();
        foreach (var (from, kind, complete, to, underlying) in LegalFromPending) data.Add(from, kind, complete, to, underlying);
        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Legal_transition_from_a_settled_status_leads_to_the_expected_status(S from, K kind, bool complete, S to)
    {
        OrderStateMachine.TryTransition(from, from, kind, complete, out S next, out S underlying).ShouldBeTrue();
        next.ShouldBe(to);
        underlying.ShouldBe(kind is K.PendingUpdate or K.PendingCancel ? from : to);
    }

    [Theory]
    [MemberData(nameof(LegalPendingTransitions))]
    public void Legal_transition_from_a_pending_status_keeps_or_resolves_the_request(S pending, K kind, bool complete, S to, S underlying)
    {
        OrderStateMachine.TryTransition(pending, S.Accepted, kind, complete, out S next, out S nextUnderlying).ShouldBeTrue();
        next.ShouldBe(to);
        nextUnderlying.ShouldBe(underlying);
    }

    [Fact]
    public void Every_transition_not_in_the_tables_is_refused()
    {
        var illegal = new List<string>();
        foreach (S from in Enum.GetValues<S>())
        foreach (K kind in Enum.GetValues<K>())
        foreach (bool complete in new[] { false, true })
        {
            if (complete && kind != K.Filled) continue;
            bool pending = from is S.PendingUpdate or S.PendingCancel;
            bool expected = pending
                ? LegalFromPending.Any(t => t.Pending == from && t.Kind == kind && t.Complete == complete)
                : Legal.Any(t => t.From == from && t.Kind == kind && t.Complete == complete);
            bool actual = OrderStateMachine.TryTransition(from, pending ? S.Accepted : from, kind, complete, out _, out _);
            if (actual != expected) illegal.Add($"{from} + {kind}{(complete ? " (complete)" : "")}: expected {(expected ? "legal" : "illegal")}");
        }
        illegal.ShouldBeEmpty();
    }

    [Fact]
    public void A_pending_order_with_a_fill_underneath_returns_to_partially_filled_when_the_cancel_is_rejected()
    {
        OrderStateMachine.TryTransition(S.PendingCancel, S.PartiallyFilled, K.CancelRejected, false, out S next, out _).ShouldBeTrue();
        next.ShouldBe(S.PartiallyFilled);
    }

    [Fact]
    public void A_modify_cannot_start_while_a_cancel_is_in_flight() =>
        OrderStateMachine.TryTransition(S.PendingCancel, S.Accepted, K.PendingUpdate, false, out _, out _).ShouldBeFalse();
}
