using Halyard.Core.Cache;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Execution;

/// <summary>
/// The execution side of the kernel: routes commands to the client of the order's venue, applies the
/// events clients report to orders through the state machine (an illegal or repeated event is logged and
/// dropped, never fatal), keeps netted positions and accounts, and publishes order, position and account
/// events to strategies. Also brings the cache to the venue's truth (reconciliation).
/// </summary>
public sealed partial class ExecutionEngine
{
    /// <summary>Bus endpoint taking <see cref="TradingCommand"/>s (after the risk engine).</summary>
    public const string Endpoint = "ExecEngine.Execute";

    private readonly MessageBus _bus;
    private readonly ICache _cache;
    private readonly IClock _clock;
    private readonly Func<Guid> _newId;
    private readonly ILogger _log;
    private readonly Dictionary<Venue, IExecutionClient> _clients = [];
    private readonly Dictionary<StrategyId, Topic<IOrderEvent>> _orderTopics = [];
    private readonly Dictionary<StrategyId, Topic<IPositionEvent>> _positionTopics = [];
    private readonly HashSet<ClientOrderId> _warnedUnknownOrders = [];

    public ExecutionEngine(TraderId traderId, MessageBus bus, ICache cache, IClock clock, Func<Guid>? newId = null, ILoggerFactory? loggerFactory = null)
    {
        TraderId = traderId;
        _bus = bus;
        _cache = cache;
        _clock = clock;
        _newId = newId ?? Guid.NewGuid;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ExecutionEngine>();
        bus.RegisterEndpoint<TradingCommand>(Endpoint, Execute);
    }

    public TraderId TraderId { get; }
    public IReadOnlyCollection<IExecutionClient> Clients => _clients.Values;

    /// <summary>Events dropped because they were illegal for the order's state (each logged once).</summary>
    public long InvalidEventCount { get; private set; }
    /// <summary>Events dropped because they repeated one already applied.</summary>
    public long DuplicateEventCount { get; private set; }

    /// <summary>Registers the order gateway of a venue; one client per venue.</summary>
    public void AddClient(IExecutionClient client)
    {
        if (!_clients.TryAdd(client.Venue, client))
            throw new InvalidOperationException($"an execution client for {client.Venue} is already registered ({_clients[client.Venue].ClientId})");
    }

    public IExecutionClient? ClientFor(Venue venue) => _clients.GetValueOrDefault(venue);

    /// <summary>Executes a command that passed the risk engine.</summary>
    public void Execute(TradingCommand command)
    {
        switch (command)
        {
            case SubmitOrder c: HandleSubmit(c); break;
            case SubmitOrderList c: HandleSubmitList(c); break;
            case CancelOrder c: HandleCancel(c); break;
            case CancelAllOrders c: HandleCancelAll(c); break;
            case BatchCancelOrders c: HandleBatchCancel(c); break;
            case ModifyOrder c: HandleModify(c); break;
            case QueryOrder c: HandleQuery(c); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown trading command");
        }
    }

    private void HandleSubmit(SubmitOrder command)
    {
        Order order = command.Order;
        if (!TryAccept(order, command.PositionId, out IExecutionClient? client)) return;
        Process(new OrderSubmitted(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, client.AccountId, _newId(), _clock.UtcNowNs, _clock.UtcNowNs));
        client.Submit(command);
    }

    private void HandleSubmitList(SubmitOrderList command)
    {
        var accepted = new List<Order>(command.Orders.Count);
        IExecutionClient? client = null;
        foreach (Order order in command.Orders)
            if (TryAccept(order, null, out client)) accepted.Add(order);
        if (accepted.Count == 0 || client is null) return;
        foreach (Order order in accepted)
            Process(new OrderSubmitted(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, client.AccountId, _newId(), _clock.UtcNowNs, _clock.UtcNowNs));
        client.SubmitList(accepted.Count == command.Orders.Count ? command
            : new SubmitOrderList(command.TraderId, command.StrategyId, accepted, command.CommandId, command.TsInit));
    }

    /// <summary>Caches a new order and finds its client; denies it when that is impossible. Never lets an order go out twice.</summary>
    private bool TryAccept(Order order, PositionId? positionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IExecutionClient? client)
    {
        client = null;
        if (!_cache.AddOrder(order, positionId))
        {
            Order existing = _cache.Order(order.ClientOrderId)!;
            if (!ReferenceEquals(existing, order))
            {
                _log.LogError("Order {ClientOrderId} denied: the client order id is already used by {Existing}", order.ClientOrderId, existing);
                OrderDenied denied = Denied(order, $"duplicate client order id {order.ClientOrderId}");
                if (order.Apply(denied).IsApplied) PublishOrderEvent(denied);
                return false;
            }
            if (existing.Status != OrderStatus.Initialized)
            {
                _log.LogWarning("Order {ClientOrderId} not submitted again: it is already {Status}", order.ClientOrderId, existing.Status);
                return false;
            }
        }
        if (order.Status != OrderStatus.Initialized)
        {
            _log.LogWarning("Order {ClientOrderId} not submitted: it is {Status}, not initialized", order.ClientOrderId, order.Status);
            return false;
        }
        client = ClientFor(order.InstrumentId.Venue);
        if (client is null)
        {
            DenyOrder(order, $"no execution client for venue {order.InstrumentId.Venue}");
            return false;
        }
        return true;
    }

    /// <summary>Refuses an order before it leaves the node (used by the risk engine): caches it if new, applies and publishes OrderDenied.</summary>
    public void DenyOrder(Order order, string reason)
    {
        _cache.AddOrder(order);
        _log.LogWarning("Order {ClientOrderId} denied: {Reason}", order.ClientOrderId, reason);
        Process(Denied(order, reason));
    }

    private OrderDenied Denied(Order order, string reason) =>
        new(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, reason, _newId(), _clock.UtcNowNs, _clock.UtcNowNs);

    private void HandleCancel(CancelOrder command)
    {
        if (!TryMarkPendingCancel(command.ClientOrderId, out Order? order, out IExecutionClient? client)) return;
        client.Cancel(command with { VenueOrderId = command.VenueOrderId ?? order.VenueOrderId });
    }

    private void HandleCancelAll(CancelAllOrders command)
    {
        var cancels = new List<CancelOrder>();
        IEnumerable<Order> candidates = _cache.OrdersOpen(command.InstrumentId, command.StrategyId)
            .Concat(_cache.OrdersInflight(command.InstrumentId, command.StrategyId).Where(o => o.Status == OrderStatus.Submitted));
        IExecutionClient? client = null;
        foreach (Order order in candidates.Distinct())
        {
            if (command.Side != OrderSide.NoOrderSide && order.Side != command.Side) continue;
            if (!TryMarkPendingCancel(order.ClientOrderId, out _, out client)) continue;
            cancels.Add(new CancelOrder(command.TraderId, command.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, _newId(), command.TsInit));
        }
        if (client is null || cancels.Count == 0)
        {
            _log.LogInformation("{Command}: no open orders to cancel", command);
            return;
        }
        client.CancelAll(command with { Cancels = cancels });
    }

    private void HandleBatchCancel(BatchCancelOrders command)
    {
        var cancels = new List<CancelOrder>();
        IExecutionClient? client = null;
        foreach (CancelOrder cancel in command.Cancels)
            if (TryMarkPendingCancel(cancel.ClientOrderId, out Order? order, out client))
                cancels.Add(cancel with { VenueOrderId = cancel.VenueOrderId ?? order.VenueOrderId });
        if (client is null || cancels.Count == 0) return;
        client.BatchCancel(command with { Cancels = cancels });
    }

    /// <summary>Applies OrderPendingCancel when the order can still be canceled; false (logged) when there is nothing to cancel.</summary>
    private bool TryMarkPendingCancel(ClientOrderId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Order? order,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IExecutionClient? client)
    {
        client = null;
        order = _cache.Order(id);
        if (order is null)
        {
            _log.LogWarning("Cancel of unknown order {ClientOrderId} ignored", id);
            return false;
        }
        if (order.IsClosed || order.Status == OrderStatus.Initialized)
        {
            _log.LogInformation("Cancel of {ClientOrderId} not sent: the order is {Status}", id, order.Status);
            return false;
        }
        client = ClientFor(order.InstrumentId.Venue);
        if (client is null)
        {
            _log.LogError("Cancel of {ClientOrderId} not sent: no execution client for {Venue}", id, order.InstrumentId.Venue);
            return false;
        }
        if (order.Status == OrderStatus.PendingCancel)
        {
            _log.LogDebug("Cancel of {ClientOrderId} sent again while one is pending", id);
            return true;
        }
        if (order.Status != OrderStatus.Submitted)
            Process(new OrderPendingCancel(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId,
                order.AccountId ?? client.AccountId, _newId(), _clock.UtcNowNs, _clock.UtcNowNs));
        return true;
    }

    private void HandleModify(ModifyOrder command)
    {
        Order? order = _cache.Order(command.ClientOrderId);
        if (order is null || !order.IsOpen || order.Status == OrderStatus.PendingCancel)
        {
            _log.LogWarning("Modify of {ClientOrderId} not sent: the order is {Status}", command.ClientOrderId, order?.Status.ToString() ?? "unknown");
            return;
        }
        IExecutionClient? client = ClientFor(order.InstrumentId.Venue);
        if (client is null)
        {
            _log.LogError("Modify of {ClientOrderId} not sent: no execution client for {Venue}", command.ClientOrderId, order.InstrumentId.Venue);
            return;
        }
        Process(new OrderPendingUpdate(TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId,
            order.AccountId ?? client.AccountId, _newId(), _clock.UtcNowNs, _clock.UtcNowNs));
        client.Modify(command with { VenueOrderId = command.VenueOrderId ?? order.VenueOrderId });
    }

    private void HandleQuery(QueryOrder command)
    {
        if (ClientFor(command.InstrumentId.Venue) is IExecutionClient client) client.Query(command);
        else _log.LogError("Query of {ClientOrderId} not sent: no execution client for {Venue}", command.ClientOrderId, command.InstrumentId.Venue);
    }
}
