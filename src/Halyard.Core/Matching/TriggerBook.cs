namespace Halyard.Core.Matching;

/// <summary>
/// Trigger orders of one coin waiting for the mark price. Orders that fire when the mark rises to
/// their trigger are sorted so the lowest trigger is last; those that fire when it falls, so the
/// highest is last. Firing pops from the end.
/// </summary>
internal sealed class TriggerBook
{
    private readonly List<RestingOrder> _firesAtOrAbove = [];
    private readonly List<RestingOrder> _firesAtOrBelow = [];

    public int Count => _firesAtOrAbove.Count + _firesAtOrBelow.Count;

    /// <summary>
    /// A sell stop or a buy take-profit fires when the mark falls to the trigger; a buy stop or a
    /// sell take-profit when it rises to it.
    /// </summary>
    public static bool FiresOnRise(RestingOrder order) =>
        (order.Trigger!.Value.Kind == TpSl.Sl) == order.IsBuy;

    public void Add(RestingOrder order)
    {
        long px = order.Trigger!.Value.TriggerPxRaw;
        if (FiresOnRise(order))
        {
            // Descending by trigger price; at the same price the earlier order sits nearer the end.
            int i = _firesAtOrAbove.Count;
            while (i > 0 && _firesAtOrAbove[i - 1].Trigger!.Value.TriggerPxRaw <= px) i--;
            _firesAtOrAbove.Insert(i, order);
        }
        else
        {
            int i = _firesAtOrBelow.Count;
            while (i > 0 && _firesAtOrBelow[i - 1].Trigger!.Value.TriggerPxRaw >= px) i--;
            _firesAtOrBelow.Insert(i, order);
        }
    }

    public bool Remove(RestingOrder order) =>
        FiresOnRise(order) ? _firesAtOrAbove.Remove(order) : _firesAtOrBelow.Remove(order);

    /// <summary>Moves every order whose condition holds at <paramref name="markPxRaw"/> into <paramref name="fired"/>.</summary>
    public void TakeFired(long markPxRaw, List<RestingOrder> fired)
    {
        while (_firesAtOrAbove.Count > 0 && _firesAtOrAbove[^1].Trigger!.Value.TriggerPxRaw <= markPxRaw)
        {
            fired.Add(_firesAtOrAbove[^1]);
            _firesAtOrAbove.RemoveAt(_firesAtOrAbove.Count - 1);
        }
        while (_firesAtOrBelow.Count > 0 && _firesAtOrBelow[^1].Trigger!.Value.TriggerPxRaw >= markPxRaw)
        {
            fired.Add(_firesAtOrBelow[^1]);
            _firesAtOrBelow.RemoveAt(_firesAtOrBelow.Count - 1);
        }
    }
}
