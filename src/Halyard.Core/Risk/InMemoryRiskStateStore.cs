namespace Halyard.Core.Risk;

/// <summary>Keeps the risk state in memory: survives a kernel being rebuilt in the same process (tests, backtests), not a process restart.</summary>
public sealed class InMemoryRiskStateStore : IRiskStateStore
{
    private readonly Lock _gate = new();
    private RiskState? _state;

    /// <summary>How many times a state was saved.</summary>
    public int SaveCount { get; private set; }

    public RiskState? Load()
    {
        lock (_gate) return _state;
    }

    public void Save(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            _state = state;
            SaveCount++;
        }
    }
}
