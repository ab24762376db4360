namespace Halyard.Core.Matching;

/// <summary>A margin account: cash, positions per coin, and its live orders.</summary>
internal sealed class MarginAccount
{
    public MarginAccount(string name, int sequence)
    {
        Name = name;
        Sequence = sequence;
    }

    public string Name { get; }

    /// <summary>Creation order; makes scans over accounts deterministic.</summary>
    public int Sequence { get; }

    /// <summary>Deposits + realized PnL − fees + funding − withdrawals, in wads (10^18).</summary>
    public Int128 CashWad;

    private MarginPosition?[] _positions = new MarginPosition?[4];

    /// <summary>Coins this account ever traded or ordered, in first-touch order.</summary>
    public readonly List<MarginPosition> Touched = [];

    public int OpenOrderCount;
    public RestingOrder? OrdersHead;
    public Dictionary<string, RestingOrder>? ByCloid;

    public MarginPosition? Find(Market market) =>
        market.Index < _positions.Length ? _positions[market.Index] : null;

    public MarginPosition Get(Market market, int defaultLeverage)
    {
        if (market.Index >= _positions.Length)
        {
            int size = Math.Max(market.Index + 1, _positions.Length * 2);
            Array.Resize(ref _positions, size);
        }
        MarginPosition? position = _positions[market.Index];
        if (position is null)
        {
            position = new MarginPosition(this, market, Math.Min(defaultLeverage, market.Instrument.MaxLeverage));
            _positions[market.Index] = position;
            Touched.Add(position);
        }
        return position;
    }

    public void AddOrder(RestingOrder order)
    {
        order.AccountPrev = null;
        order.AccountNext = OrdersHead;
        if (OrdersHead is not null) OrdersHead.AccountPrev = order;
        OrdersHead = order;
        OpenOrderCount++;
        if (order.Cloid is not null) (ByCloid ??= new Dictionary<string, RestingOrder>(StringComparer.Ordinal))[order.Cloid] = order;
    }

    public void RemoveOrder(RestingOrder order)
    {
        if (order.AccountPrev is null) OrdersHead = order.AccountNext;
        else order.AccountPrev.AccountNext = order.AccountNext;
        if (order.AccountNext is not null) order.AccountNext.AccountPrev = order.AccountPrev;
        order.AccountPrev = order.AccountNext = null;
        OpenOrderCount--;
        if (order.Cloid is not null) ByCloid?.Remove(order.Cloid);
    }
}
