namespace Halyard.Core.Matching;

public sealed partial class MatchingEngine
{
    private enum DeferredKind { ActivateChildren, CancelChildren, CancelSiblings }

    private readonly record struct Deferred(DeferredKind Kind, long Id, long KeepOid);

    /// <summary>Children of resting parents, by parent oid; not yet live (no oid, not counted).</summary>
    private readonly Dictionary<long, List<RestingOrder>> _pendingChildren = [];

    /// <summary>Live TP/SL children by group (parent oid), for cancelling siblings.</summary>
    private readonly Dictionary<long, List<RestingOrder>> _groups = [];

    /// <summary>Group work found while matching, run once the book is consistent again.</summary>
    private readonly List<Deferred> _deferred = [];

    /// <summary>
    /// A parent order with take-profit/stop-loss children ("normalTpsl" grouping). Children must be
    /// reduce-only trigger orders on the other side. If the parent fills at once, the children go live
    /// (<c>waitingForTrigger</c>); if it rests, they wait for it (<c>waitingForFill</c>) and go live when it
    /// has filled completely; cancelling the parent first cancels them. When one child fills, its
    /// siblings are cancelled (<see cref="OrderUpdateStatus.SiblingFilledCanceled"/>).
    /// </summary>
    /// <returns>The parent's result followed by one result per child.</returns>
    public PlaceResult[] PlaceNormalTpsl(in MatchingOrder parent, IReadOnlyList<MatchingOrder> children, long tsNs)
    {
        var results = new PlaceResult[children.Count + 1];
        string? childError = null;
        if (_markets.TryGetValue(parent.Coin, out Market? market))
        {
            foreach (MatchingOrder child in children)
            {
                childError ??= child.Trigger is null || !child.ReduceOnly || child.Side == parent.Side ||
                               child.Account != parent.Account || child.Coin != parent.Coin
                    ? MatchingErrors.InvalidTpslChild
                    : Validate(market, in child);
            }
        }
        if (childError is not null)
        {
            Array.Fill(results, PlaceResult.Rejected(childError));
            return results;
        }

        PlaceResult parentResult = Place(in parent, tsNs);
        results[0] = parentResult;
        bool filledAtOnce = parentResult.Outcome == PlaceOutcome.Filled;
        for (int i = 0; i < children.Count; i++)
        {
            MatchingOrder child = children[i];
            if (parentResult.IsError || parentResult.Outcome == PlaceOutcome.WaitingForTrigger)
            {
                results[i + 1] = PlaceResult.Rejected(MatchingErrors.ParentNotPlaced);
                continue;
            }
            RestingOrder node = NewChild(market!, in child, parentResult.Oid, tsNs);
            if (filledAtOnce)
            {
                results[i + 1] = Activate(node, tsNs);
            }
            else
            {
                if (!_pendingChildren.TryGetValue(parentResult.Oid, out List<RestingOrder>? pending))
                {
                    pending = [];
                    _pendingChildren.Add(parentResult.Oid, pending);
                    _ordersByOid[parentResult.Oid].HasPendingChildren = true;
                }
                pending.Add(node);
                results[i + 1] = PlaceResult.WaitingForFill;
            }
        }
        return results;
    }

    /// <summary>Appends the children waiting for parent <paramref name="parentOid"/> to fill (their Oid is 0).</summary>
    public void CopyPendingChildren(long parentOid, List<OpenOrder> destination)
    {
        if (!_pendingChildren.TryGetValue(parentOid, out List<RestingOrder>? pending)) return;
        foreach (RestingOrder child in pending) destination.Add(child.Snapshot());
    }

    private RestingOrder NewChild(Market market, in MatchingOrder child, long groupId, long tsNs)
    {
        RestingOrder o = Rent();
        o.Oid = 0;
        o.Cloid = child.Cloid;
        o.Account = Ledger.GetOrCreate(child.Account);
        o.Market = market;
        o.Side = child.Side;
        o.PxRaw = child.PxRaw;
        o.SzRaw = o.OrigSzRaw = child.SzRaw;
        o.Tif = child.Tif;
        o.ReduceOnly = true;
        o.TimestampNs = tsNs;
        o.Trigger = child.Trigger;
        o.GroupId = groupId;
        return o;
    }

    /// <summary>Makes a child a live trigger order with its own oid.</summary>
    private PlaceResult Activate(RestingOrder o, long tsNs)
    {
        if (o.Cloid is not null && o.Account.ByCloid is { } byCloid && byCloid.ContainsKey(o.Cloid))
        {
            Release(o);
            return PlaceResult.Rejected(MatchingErrors.DuplicateCloid);
        }
        o.Oid = _nextOid++;
        o.TimestampNs = tsNs;
        o.Market.Triggers.Add(o);
        o.Account.AddOrder(o);
        _ordersByOid.Add(o.Oid, o);
        if (!_groups.TryGetValue(o.GroupId, out List<RestingOrder>? members))
        {
            members = [];
            _groups.Add(o.GroupId, members);
        }
        members.Add(o);
        Emit(o, OrderUpdateStatus.Open, tsNs);
        return PlaceResult.WaitingForTrigger(o.Oid, o.Cloid);
    }

    /// <summary>Bookkeeping when an order leaves the engine: its children and its group.</summary>
    private void OnOrderGone(RestingOrder o, bool filled)
    {
        if (o.HasPendingChildren)
            _deferred.Add(new Deferred(filled ? DeferredKind.ActivateChildren : DeferredKind.CancelChildren, o.Oid, 0));
        if (o.GroupId != 0 && _groups.TryGetValue(o.GroupId, out List<RestingOrder>? members))
        {
            members.Remove(o);
            if (members.Count == 0) _groups.Remove(o.GroupId);
        }
    }

    /// <summary>A grouped child traded: its siblings go once the book is consistent.</summary>
    private void OnChildFilled(RestingOrder o) => _deferred.Add(new Deferred(DeferredKind.CancelSiblings, o.GroupId, o.Oid));

    /// <summary>Runs group work collected during an operation; called at the end of every public mutation.</summary>
    private void RunDeferred(long tsNs)
    {
        for (int i = 0; i < _deferred.Count; i++)
        {
            Deferred d = _deferred[i];
            switch (d.Kind)
            {
                case DeferredKind.ActivateChildren when _pendingChildren.Remove(d.Id, out List<RestingOrder>? pending):
                    foreach (RestingOrder child in pending) Activate(child, tsNs);
                    break;
                case DeferredKind.CancelChildren when _pendingChildren.Remove(d.Id, out List<RestingOrder>? pending):
                    foreach (RestingOrder child in pending) Release(child);
                    break;
                case DeferredKind.CancelSiblings when _groups.TryGetValue(d.Id, out List<RestingOrder>? members):
                    for (int m = members.Count - 1; m >= 0 && m < members.Count; m--)
                        if (members[m].Oid != d.KeepOid) Retire(members[m], OrderUpdateStatus.SiblingFilledCanceled, tsNs);
                    break;
            }
        }
        _deferred.Clear();
    }
}
