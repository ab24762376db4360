using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Node;

/// <summary>How a <see cref="TradingNode"/> runs. Immutable; <see cref="Validate"/> names the field at fault.</summary>
public sealed record TradingNodeConfig
{
    /// <summary>NAME-TAG, e.g. TRADER-001; stamped on every order.</summary>
    public string TraderId { get; init; } = "TRADER-001";
    /// <summary>How long all clients together may take to connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long all clients together may take to disconnect.</summary>
    public TimeSpan DisconnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>On stop, how long to wait for open orders to be confirmed canceled (and closing orders filled).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Cancel every strategy's open orders when the node stops; the risk manager's protective orders stay while their position is open.</summary>
    public bool CancelOrdersOnStop { get; init; } = true;
    /// <summary>Flatten every strategy's positions with reduce-only market orders when the node stops.</summary>
    public bool ClosePositionsOnStop { get; init; }
    /// <summary>Bring the cache to each venue's truth before strategies start.</summary>
    public bool ReconcileOnStart { get; init; } = true;
    /// <summary>How far back reconciliation asks for fills.</summary>
    public TimeSpan ReconciliationLookback { get; init; } = TimeSpan.FromDays(1);
    /// <summary>How long reconciliation may take per venue.</summary>
    public TimeSpan ReconciliationTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Reconcile again at this interval while running (catches events lost on a dropped connection); null = only at start.</summary>
    public TimeSpan? ReconciliationInterval { get; init; }
    /// <summary>Run the kernel loop on a thread of its own (true) or as an async loop on the thread pool (false).</summary>
    public bool DedicatedKernelThread { get; init; } = true;
    public RiskEngineConfig Risk { get; init; } = new();
    /// <summary>Protective stops, limits and the kill switch every strategy gets.</summary>
    public RiskManagerConfig RiskManager { get; init; } = new();

    /// <summary>Throws <see cref="ConfigException"/> naming the first invalid field; returns this config.</summary>
    public TradingNodeConfig Validate()
    {
        try
        {
            _ = new TraderId(TraderId);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigException(nameof(TraderId), TraderId, $"is invalid: {ex.Message}");
        }
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(DisconnectTimeout, nameof(DisconnectTimeout));
        Positive(StopTimeout, nameof(StopTimeout));
        Positive(ReconciliationTimeout, nameof(ReconciliationTimeout));
        if (ReconciliationInterval is TimeSpan interval && interval <= TimeSpan.Zero)
            throw new ConfigException(nameof(ReconciliationInterval), interval, "must be positive (or null for none)");
        if (ReconciliationLookback < TimeSpan.Zero) throw new ConfigException(nameof(ReconciliationLookback), ReconciliationLookback, "must not be negative");
        if (Risk is null) throw new ConfigException(nameof(Risk), null, "is required");
        try
        {
            Risk.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigException($"{nameof(Risk)}.{ex.ParamName}", null, ex.Message);
        }
        if (RiskManager is null) throw new ConfigException(nameof(RiskManager), null, "is required");
        try
        {
            RiskManager.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigException($"{nameof(RiskManager)}.{ex.ParamName}", null, ex.Message);
        }
        return this;
    }

    private static void Positive(TimeSpan value, string field)
    {
        if (value <= TimeSpan.Zero) throw new ConfigException(field, value, "must be positive");
    }
}
