using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// A live order inside the engine: a node of its price level's FIFO queue and of its account's order
/// list (both intrusive, so cancel is O(1) without allocation). Nodes are pooled and reused.
/// </summary>
internal sealed class RestingOrder
{
    public long Oid;
    public string? Cloid;
    public MarginAccount Account = null!;
    public Market Market = null!;
    public OrderSide Side;
    public long PxRaw;
    public long SzRaw;
    public long OrigSzRaw;
    public MatchingTif Tif;
    public bool ReduceOnly;
    public long TimestampNs;
    public OrderTrigger? Trigger;
    public bool IsTriggered;

    /// <summary>For a TP/SL child: the oid of its parent, shared by its siblings; 0 otherwise.</summary>
    public long GroupId;

    /// <summary>A parent whose TP/SL children wait for it to fill.</summary>
    public bool HasPendingChildren;

    /// <summary>Waiting in the trigger book rather than resting on the order book.</summary>
    public bool IsWaitingTrigger => Trigger.HasValue && !IsTriggered;

    public PriceLevel? Level;
    public RestingOrder? Prev;
    public RestingOrder? Next;
    public RestingOrder? AccountPrev;
    public RestingOrder? AccountNext;

    public bool IsBuy => Side == OrderSide.Buy;

    public OpenOrder Snapshot() =>
        new(Oid, Cloid, Account.Name, Market.Coin, Side, PxRaw, SzRaw, OrigSzRaw, Tif, ReduceOnly, TimestampNs, Trigger, IsTriggered);

    public void Clear()
    {
        Cloid = null;
        Account = null!;
        Market = null!;
        Trigger = null;
        IsTriggered = false;
        GroupId = 0;
        HasPendingChildren = false;
        Level = null;
        Prev = Next = AccountPrev = AccountNext = null;
    }
}
