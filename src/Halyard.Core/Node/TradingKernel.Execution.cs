using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Node;

public sealed partial class TradingKernel
{
    private readonly List<Strategy> _strategies = [];

    public IReadOnlyList<Strategy> Strategies => _strategies;

    /// <summary>Registers a strategy with this kernel (before or while running; it starts with <see cref="StartStrategies"/> or <see cref="Strategy.Start"/>).</summary>
    public void AddStrategy(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (_strategies.Exists(s => s.Id == strategy.Id))
            throw new InvalidOperationException($"a strategy with id {strategy.Id} is already registered");
        strategy.Register(Services);
        RiskManager.Register(strategy);
        _strategies.Add(strategy);
    }

    public void AddDataClient(IDataClient client) => Data.AddClient(client);
    public void AddExecutionClient(IExecutionClient client) => Execution.AddClient(client);

    /// <summary>Starts every registered strategy (kernel thread).</summary>
    public void StartStrategies()
    {
        RiskManager.Start(); // first: restores a saved halt and protects positions found at the venue
        foreach (Strategy s in _strategies) s.Start();
    }

    /// <summary>Stops every running strategy (kernel thread).</summary>
    public void StopStrategies()
    {
        foreach (Strategy s in _strategies) s.Stop();
    }

    private bool TryProcessExecution(object message)
    {
        switch (message)
        {
            case IOrderEvent e: Execution.Process(e); return true;
            case FillReport f: Execution.Process(f); return true;
            case OrderStatusReport r: Execution.Process(r); return true;
            case AccountState a: Execution.Process(a); return true;
            case ExecutionMassStatus m: Execution.Reconcile(m); return true;
            case TradingCommand c: Risk.Execute(c); return true;
            default:
                _log.LogDebug("No handler for {Type}", message.GetType().Name);
                return false;
        }
    }
}
