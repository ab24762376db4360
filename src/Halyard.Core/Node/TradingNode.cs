using Halyard.Core.Cache;
using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Node;

/// <summary>
/// A live node: a <see cref="TradingKernel"/> with its data and execution clients and strategies.
/// <see cref="StartAsync"/> starts the kernel loop, connects the clients, reconciles, then starts the
/// strategies; <see cref="StopAsync"/> stops the strategies, cancels open orders if configured, waits for
/// the venue to confirm, disconnects and ends the loop.
/// </summary>
public sealed class TradingNode : IAsyncDisposable
{
    private readonly ILogger _log;
    private readonly List<IDataClient> _dataClients = [];
    private readonly List<IExecutionClient> _executionClients = [];
    private readonly CancellationTokenSource _loopStop = new();
    private readonly HashSet<IExecutionClient> _reconciling = [];
    private Task? _loop;
    private readonly IExecutionStateStore? _stateStore;
    private readonly ExecutionStateRecorder? _stateRecorder;
    private ExecutionState? _restored;       // held from load until the positions are rebuilt
    private long? _lastPersistedFillNs;
    private const string ReconcileTimer = "TradingNode.Reconcile";

    /// <param name="riskStateStore">Where the kill switch's state survives a restart (e.g. Persistence's store); in memory when null.</param>
    /// <param name="executionStateStore">Where orders, positions, accounts and id counters survive a restart: loaded before reconciliation, fed from the bus, flushed on stop. Nothing is persisted when null.</param>
    public TradingNode(TradingNodeConfig config, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, ICache? cache = null,
        IRiskStateStore? riskStateStore = null, IExecutionStateStore? executionStateStore = null)
    {
        Config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _log = loggerFactory.CreateLogger<TradingNode>();
        Kernel = new TradingKernel(new TraderId(config.TraderId), clock: null, cache, config.Risk, loggerFactory, timeProvider: timeProvider,
            riskManager: config.RiskManager, riskStateStore: riskStateStore);
        _stateStore = executionStateStore;
        if (executionStateStore is not null) _stateRecorder = new ExecutionStateRecorder(executionStateStore, Kernel);
    }

    public TradingNodeConfig Config { get; }
    public TradingKernel Kernel { get; }
    public NodeState State { get; private set; } = NodeState.Created;

    /// <summary>Where clients post what they receive; hand it to each client you build.</summary>
    public KernelInbox Inbox => Kernel.Inbox;
    public IClock Clock => Kernel.Clock;
    public ICache Cache => Kernel.Cache;

    public void AddDataClient(IDataClient client)
    {
        EnsureCreated();
        Kernel.AddDataClient(client);
        _dataClients.Add(client);
    }

    public void AddExecutionClient(IExecutionClient client)
    {
        EnsureCreated();
        Kernel.AddExecutionClient(client);
        _executionClients.Add(client);
    }

    public void AddStrategy(Strategy strategy)
    {
        EnsureCreated();
        Kernel.AddStrategy(strategy);
    }

    private void EnsureCreated()
    {
        if (State != NodeState.Created) throw new InvalidOperationException($"components must be added before the node starts (it is {State})");
    }

    /// <summary>Connects, reconciles and starts the strategies; throws when a client cannot connect in time (the node is torn down again).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (State != NodeState.Created) throw new InvalidOperationException($"the node can start once (it is {State})");
        State = NodeState.Starting;
        _log.LogInformation("Node {TraderId} starting: {Data} data and {Exec} execution clients, {Strategies} strategies",
            Kernel.TraderId, _dataClients.Count, _executionClients.Count, Kernel.Strategies.Count);
        _loop = Config.DedicatedKernelThread
            ? Kernel.RunOnDedicatedThread(_loopStop.Token)
            : Task.Run(() => Kernel.RunAsync(_loopStop.Token), CancellationToken.None);
        try
        {
            await RestoreOrdersAsync(ct).ConfigureAwait(false);
            await ConnectAllAsync(ct).ConfigureAwait(false);
            await RestorePositionsAsync().ConfigureAwait(false);
            if (Config.ReconcileOnStart) await ReconcileAsync(ct).ConfigureAwait(false);
            await Kernel.InvokeAsync(Kernel.StartStrategies).ConfigureAwait(false);
            if (Config.ReconciliationInterval is TimeSpan interval)
                await Kernel.InvokeAsync(() => Clock.SetTimer(ReconcileTimer, interval.Ticks * 100, null, null, OnReconcileTimer)).ConfigureAwait(false);
            State = NodeState.Running;
            _log.LogInformation("Node {TraderId} running", Kernel.TraderId);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Node {TraderId} failed to start", Kernel.TraderId);
            await DisconnectAllAsync().ConfigureAwait(false);
            await EndLoopAsync().ConfigureAwait(false);
            State = NodeState.Faulted;
            throw;
        }
    }

    /// <summary>Before connecting: the persisted orders, accounts and id counters go into the cache, so venue updates find their orders.</summary>
    private async Task RestoreOrdersAsync(CancellationToken ct)
    {
        if (_stateStore is null) return;
        ExecutionState state = await _stateStore.LoadAsync(ct).ConfigureAwait(false);
        await Kernel.InvokeAsync(() =>
        {
            ExecutionStateRestore.RestoreOrders(state, Kernel.Cache, Kernel.Strategies, _log);
            _stateRecorder!.MarkPersisted(state);
        }).ConfigureAwait(false);
        _restored = state;
    }

    /// <summary>After connecting (the instruments are known): positions rebuilt from the persisted fills, before reconciliation compares them with the venue.</summary>
    private async Task RestorePositionsAsync()
    {
        if (_restored is not { } state) return;
        await Kernel.InvokeAsync(() => ExecutionStateRestore.RestorePositions(state, Kernel.Cache, _log)).ConfigureAwait(false);
        _lastPersistedFillNs = state.LastFillTsNs;
        _restored = null;
    }

    private async Task ConnectAllAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Config.ConnectTimeout);
        var connects = _dataClients.Select(c => (c.ClientId, Task: c.ConnectAsync(timeout.Token)))
            .Concat(_executionClients.Select(c => (c.ClientId, Task: c.ConnectAsync(timeout.Token)))).ToList();
        try
        {
            await Task.WhenAll(connects.Select(c => c.Task)).WaitAsync(Config.ConnectTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            string pending = string.Join(", ", connects.Where(c => !c.Task.IsCompletedSuccessfully).Select(c => c.ClientId));
            throw new TimeoutException($"clients did not connect within {Config.ConnectTimeout} ({nameof(TradingNodeConfig.ConnectTimeout)}): {pending}", ex);
        }
    }

    /// <summary>Asks every execution client for the venue's truth and reconciles the cache with it on the kernel thread.</summary>
    public async Task<IReadOnlyList<ReconciliationResult>> ReconcileAsync(CancellationToken ct)
    {
        var results = new List<ReconciliationResult>();
        long since = Clock.UtcNowNs - Config.ReconciliationLookback.Ticks * 100;
        // After a long stop, ask from the last fill we persisted so no fill in between is missed.
        if (_lastPersistedFillNs is long lastFill && lastFill < since) since = lastFill;
        foreach (IExecutionClient client in _executionClients)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Config.ReconciliationTimeout);
            ExecutionMassStatus mass = await client.GenerateMassStatusAsync(since, timeout.Token).ConfigureAwait(false);
            ReconciliationResult? result = null;
            await Kernel.InvokeAsync(() => result = Kernel.Execution.Reconcile(mass)).ConfigureAwait(false);
            results.Add(result!);
        }
        return results;
    }

    /// <summary>Kernel thread: asks each client for its mass status off the kernel thread; the answer comes back through the inbox.</summary>
    private void OnReconcileTimer(TimeEvent timeEvent)
    {
        long since = Clock.UtcNowNs - Config.ReconciliationLookback.Ticks * 100;
        foreach (IExecutionClient client in _executionClients)
        {
            if (!_reconciling.Add(client)) continue; // the previous request is still running
            _ = Task.Run(async () =>
            {
                try
                {
                    using var timeout = new CancellationTokenSource(Config.ReconciliationTimeout);
                    Inbox.Post(await client.GenerateMassStatusAsync(since, timeout.Token).ConfigureAwait(false));
                }
                catch (Exception ex)
                {
                    _log.LogWarning(ex, "Periodic reconciliation with {ClientId} failed", client.ClientId);
                }
                finally
                {
                    Inbox.Post(() => _reconciling.Remove(client));
                }
            });
        }
    }

    /// <summary>Stops strategies, cancels open orders (and closes positions) as configured, waits for the venue, disconnects.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (State is NodeState.Stopped or NodeState.Stopping or NodeState.Faulted) return;
        if (State == NodeState.Created)
        {
            State = NodeState.Stopped;
            return;
        }
        State = NodeState.Stopping;
        _log.LogInformation("Node {TraderId} stopping", Kernel.TraderId);
        await Kernel.InvokeAsync(() =>
        {
            Clock.CancelTimer(ReconcileTimer);
            Kernel.StopStrategies();
            if (Config.CancelOrdersOnStop) CancelAllOpenOrders();
            if (Config.ClosePositionsOnStop)
                foreach (Strategy s in Kernel.Strategies) s.CloseAllPositions();
        }).ConfigureAwait(false);
        if (Config.CancelOrdersOnStop || Config.ClosePositionsOnStop) await WaitForVenueAsync(ct).ConfigureAwait(false);
        await DisconnectAllAsync().ConfigureAwait(false);
        await EndLoopAsync().ConfigureAwait(false);
        await FlushStateAsync().ConfigureAwait(false);
        State = NodeState.Stopped;
        _log.LogInformation("Node {TraderId} stopped", Kernel.TraderId);
    }

    /// <summary>Starts, runs until <paramref name="ct"/> fires, then stops gracefully.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await StartAsync(ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // asked to stop
        }
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels every open order of ours except the risk manager's protective ones: they stay at the venue to guard a
    /// position left open, and the risk manager cancels them itself once a closing order flattens the position.
    /// Canceling them here would only make the risk manager place them again.
    /// </summary>
    private void CancelAllOpenOrders()
    {
        var orders = Kernel.Cache.OrdersOpen().Concat(Kernel.Cache.OrdersInflight())
            .Where(o => !o.StrategyId.IsExternal && !RiskTags.IsRiskOrder(o))
            .DistinctBy(o => o.ClientOrderId).ToList();
        foreach (Order order in orders)
        {
            _log.LogInformation("Canceling {ClientOrderId} of {StrategyId} in {InstrumentId}", order.ClientOrderId, order.StrategyId, order.InstrumentId);
            Kernel.Risk.Execute(new CancelOrder(Kernel.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId,
                Kernel.NewId(), Clock.UtcNowNs));
        }
    }

    /// <summary>Polls the kernel until no order of ours is open or in flight, or the stop timeout passes.</summary>
    private async Task WaitForVenueAsync(CancellationToken ct)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            int working = 0;
            // Protective orders stay while their position does; when positions are closed on stop they go with them.
            await Kernel.InvokeAsync(() => working = Kernel.Cache.OrdersOpen().Concat(Kernel.Cache.OrdersInflight())
                .Count(o => !o.StrategyId.IsExternal && (Config.ClosePositionsOnStop || !RiskTags.IsRiskOrder(o)))).ConfigureAwait(false);
            if (working == 0) return;
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= Config.StopTimeout || ct.IsCancellationRequested)
            {
                _log.LogWarning("{Count} orders still working after {Timeout} ({Field})", working, Config.StopTimeout, nameof(TradingNodeConfig.StopTimeout));
                return;
            }
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task DisconnectAllAsync()
    {
        using var timeout = new CancellationTokenSource(Config.DisconnectTimeout);
        var tasks = _dataClients.Select(c => SafeDisconnect(c.ClientId, c.DisconnectAsync, timeout.Token))
            .Concat(_executionClients.Select(c => SafeDisconnect(c.ClientId, c.DisconnectAsync, timeout.Token)));
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task SafeDisconnect(string clientId, Func<CancellationToken, Task> disconnect, CancellationToken ct)
    {
        try
        {
            await disconnect(ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Client {ClientId} did not disconnect cleanly", clientId);
        }
    }

    /// <summary>Waits (up to the disconnect timeout) for the state store to write what the kernel recorded.</summary>
    private async Task FlushStateAsync()
    {
        if (_stateStore is null) return;
        using var timeout = new CancellationTokenSource(Config.DisconnectTimeout);
        if (!await _stateStore.FlushAsync(timeout.Token).ConfigureAwait(false))
            _log.LogWarning("Execution state not fully written within {Timeout} ({Field})", Config.DisconnectTimeout, nameof(TradingNodeConfig.DisconnectTimeout));
    }

    private async Task EndLoopAsync()
    {
        Kernel.Inbox.Complete();
        if (_loop is not null)
        {
            if (await Task.WhenAny(_loop, Task.Delay(Config.DisconnectTimeout)).ConfigureAwait(false) != _loop) _loopStop.Cancel();
            await _loop.ConfigureAwait(false);
        }
        (Kernel.Clock as IDisposable)?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _loopStop.Dispose();
    }
}
