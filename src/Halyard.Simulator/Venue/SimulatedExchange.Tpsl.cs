using Halyard.Core.Matching;

namespace Halyard.Simulator.Venue;

internal sealed partial class SimulatedExchange
{
    // normalTpsl: TP/SL children wait off-exchange until their parent fills completely (PROTOCOL §5.1).
    private readonly Dictionary<long, (string Account, MatchingOrder[] Children)> _childrenWaitingForParent = [];
    private readonly List<long> _parentsFilled = [];

    /// <summary>Holds a group's TP/SL children until the parent order <paramref name="parentOid"/> fills.</summary>
    public void HoldChildren(long parentOid, string account, MatchingOrder[] children) =>
        _childrenWaitingForParent[parentOid] = (account, children);

    /// <summary>Places a group's children now (their parent filled); returns their outcomes in order.</summary>
    public PlaceResult[] PlaceChildren(string account, MatchingOrder[] children)
    {
        var results = new PlaceResult[children.Length];
        long nowNs = NowNs();
        for (int i = 0; i < children.Length; i++) results[i] = Engine.Place(children[i] with { Account = account }, nowNs);
        return results;
    }

    private void TrackParent(in OrderUpdate update)
    {
        if (_childrenWaitingForParent.Count == 0 || !_childrenWaitingForParent.ContainsKey(update.Order.Oid)) return;
        switch (update.Status)
        {
            case OrderUpdateStatus.Filled:
                _parentsFilled.Add(update.Order.Oid);
                break;
            case OrderUpdateStatus.Open or OrderUpdateStatus.Triggered:
                break;
            default: // cancelled in any way: its children are never placed
                _childrenWaitingForParent.Remove(update.Order.Oid);
                break;
        }
    }

    /// <summary>Places the children of parents that filled during the last operation (called by Flush).</summary>
    private void PlaceChildrenOfFilledParents()
    {
        while (_parentsFilled.Count > 0)
        {
            long[] filled = [.. _parentsFilled];
            _parentsFilled.Clear();
            foreach (long parent in filled)
                if (_childrenWaitingForParent.Remove(parent, out var group)) PlaceChildren(group.Account, group.Children);
        }
    }
}
