namespace Halyard.Core.Matching;

/// <summary>All orders at one price on one side, oldest first (time priority).</summary>
internal sealed class PriceLevel
{
    public long PxRaw;
    public long TotalSzRaw;
    public int Count;
    public RestingOrder? Head;
    public RestingOrder? Tail;

    public void Append(RestingOrder order)
    {
        order.Level = this;
        order.Prev = Tail;
        order.Next = null;
        if (Tail is null) Head = order;
        else Tail.Next = order;
        Tail = order;
        TotalSzRaw += order.SzRaw;
        Count++;
    }

    public void Remove(RestingOrder order)
    {
        if (order.Prev is null) Head = order.Next;
        else order.Prev.Next = order.Next;
        if (order.Next is null) Tail = order.Prev;
        else order.Next.Prev = order.Prev;
        TotalSzRaw -= order.SzRaw;
        Count--;
        order.Prev = order.Next = null;
        order.Level = null;
    }

    public void Reset(long pxRaw)
    {
        PxRaw = pxRaw;
        TotalSzRaw = 0;
        Count = 0;
        Head = Tail = null;
    }
}
