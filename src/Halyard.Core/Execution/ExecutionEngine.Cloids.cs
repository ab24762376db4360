using Halyard.Core.Model;

namespace Halyard.Core.Execution;

public sealed partial class ExecutionEngine
{
    private readonly Dictionary<string, ClientOrderId> _cloids = new(StringComparer.OrdinalIgnoreCase);
    private int _cloidsIndexed;

    /// <summary>
    /// Finds an order by our id, or — when a venue only knows the order by its cloid (e.g. after a restart,
    /// a client reports <c>ClientOrderId.FromCloidHex(cloid)</c>) — by the cloid our id maps to.
    /// </summary>
    public Order? FindOrder(ClientOrderId id)
    {
        if (_cache.Order(id) is Order order) return order;
        if (!ClientOrderId.IsCloidHex(id.Value)) return null;
        if (!_cloids.TryGetValue(id.Value, out ClientOrderId mapped))
        {
            IndexCloids();
            if (!_cloids.TryGetValue(id.Value, out mapped)) return null;
        }
        return _cache.Order(mapped);
    }

    /// <summary>Indexes the cloids of orders added since the last miss (hashing once per order, only when needed).</summary>
    private void IndexCloids()
    {
        IReadOnlyList<Order> orders = _cache.Orders();
        for (; _cloidsIndexed < orders.Count; _cloidsIndexed++)
        {
            ClientOrderId id = orders[_cloidsIndexed].ClientOrderId;
            _cloids[id.ToCloidHex()] = id;
        }
    }

    /// <summary>The same event addressed to <paramref name="id"/> (the order's real id instead of its cloid form).</summary>
    private static IOrderEvent Readdress(IOrderEvent e, ClientOrderId id) => e switch
    {
        OrderFilled x => x with { ClientOrderId = id },
        OrderAccepted x => x with { ClientOrderId = id },
        OrderCanceled x => x with { ClientOrderId = id },
        OrderRejected x => x with { ClientOrderId = id },
        OrderSubmitted x => x with { ClientOrderId = id },
        OrderDenied x => x with { ClientOrderId = id },
        OrderExpired x => x with { ClientOrderId = id },
        OrderTriggered x => x with { ClientOrderId = id },
        OrderPendingUpdate x => x with { ClientOrderId = id },
        OrderPendingCancel x => x with { ClientOrderId = id },
        OrderUpdated x => x with { ClientOrderId = id },
        OrderModifyRejected x => x with { ClientOrderId = id },
        OrderCancelRejected x => x with { ClientOrderId = id },
        _ => e,
    };
}
