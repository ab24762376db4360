using Halyard.Core.Model;

namespace Halyard.Core.Cache;

public sealed partial class InMemoryCache
{
    private readonly Dictionary<ClientOrderId, Order> _orders = [];
    private readonly List<Order> _ordersByAge = [];
    private readonly Dictionary<VenueOrderId, ClientOrderId> _venueOrderIds = [];
    private readonly Dictionary<ClientOrderId, PositionId> _orderPositions = [];
    private readonly HashSet<ClientOrderId> _openOrders = [];
    private readonly HashSet<ClientOrderId> _inflightOrders = [];

    public bool AddOrder(Order order, PositionId? positionId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!_orders.TryAdd(order.ClientOrderId, order)) return false;
        _ordersByAge.Add(order);
        if (positionId is PositionId p) _orderPositions[order.ClientOrderId] = p;
        UpdateOrder(order);
        return true;
    }

    public void UpdateOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        ClientOrderId id = order.ClientOrderId;
        foreach (VenueOrderId venueId in order.VenueOrderIds) _venueOrderIds[venueId] = id;
        if (order.IsOpen) _openOrders.Add(id); else _openOrders.Remove(id);
        if (order.IsInflight) _inflightOrders.Add(id); else _inflightOrders.Remove(id);
    }

    public Order? Order(ClientOrderId clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    public ClientOrderId? ClientOrderIdFor(VenueOrderId venueOrderId) =>
        _venueOrderIds.TryGetValue(venueOrderId, out ClientOrderId id) ? id : null;

    public PositionId? PositionIdFor(ClientOrderId clientOrderId) =>
        _orderPositions.TryGetValue(clientOrderId, out PositionId id) ? id : null;

    public bool OrderExists(ClientOrderId clientOrderId) => _orders.ContainsKey(clientOrderId);

    public IReadOnlyList<Order> Orders(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        Select(_ordersByAge, instrumentId, strategyId);

    public IReadOnlyList<Order> OrdersOpen(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        _openOrders.Count == 0 ? [] : Select(_ordersByAge.Where(o => _openOrders.Contains(o.ClientOrderId)), instrumentId, strategyId);

    public IReadOnlyList<Order> OrdersClosed(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        Select(_ordersByAge.Where(o => o.IsClosed), instrumentId, strategyId);

    public IReadOnlyList<Order> OrdersInflight(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        _inflightOrders.Count == 0 ? [] : Select(_ordersByAge.Where(o => _inflightOrders.Contains(o.ClientOrderId)), instrumentId, strategyId);

    public int OrdersOpenCount(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        instrumentId is null && strategyId is null ? _openOrders.Count : OrdersOpen(instrumentId, strategyId).Count;

    private static List<Order> Select(IEnumerable<Order> orders, InstrumentId? instrumentId, StrategyId? strategyId) =>
        [.. orders.Where(o => (instrumentId is null || o.InstrumentId == instrumentId) && (strategyId is not StrategyId s || o.StrategyId == s))];
}
