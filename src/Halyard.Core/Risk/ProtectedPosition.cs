using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>The risk manager's book-keeping for one position: its protective orders and how long it has been unprotected.</summary>
internal sealed class ProtectedPosition(PositionId positionId, StrategyId strategyId, InstrumentId instrumentId)
{
    public PositionId PositionId { get; } = positionId;
    public StrategyId StrategyId { get; } = strategyId;
    public InstrumentId InstrumentId { get; } = instrumentId;
    public ProtectiveLeg Stop { get; } = new(ProtectiveLegKind.StopLoss, positionId);
    public ProtectiveLeg TakeProfit { get; } = new(ProtectiveLegKind.TakeProfit, positionId);
    /// <summary>Old protective orders being canceled (replaced, or the position changed side or closed).</summary>
    public HashSet<ClientOrderId> Retiring { get; } = [];
    public long? UnprotectedSinceNs { get; set; }
    public bool Alerted { get; set; }
    public string LastProblem { get; set; } = "no stop placed yet";
    /// <summary>A close placed by the kill switch or after an unprotected timeout, while it works.</summary>
    public Order? Flatten { get; set; }
    public bool Reconciling { get; set; }
    public bool Dirty { get; set; }

    public string AlertTimerName => $"RiskManager.unprotected.{PositionId}";

    public ProtectiveLeg? LegOf(ClientOrderId id) =>
        Stop.Order?.ClientOrderId == id ? Stop : TakeProfit.Order?.ClientOrderId == id ? TakeProfit : null;
}

internal enum ProtectiveLegKind
{
    StopLoss = 1,
    TakeProfit = 2,
}

/// <summary>One protective order slot (stop or take-profit) of a position.</summary>
internal sealed class ProtectiveLeg(ProtectiveLegKind kind, PositionId positionId)
{
    public ProtectiveLegKind Kind { get; } = kind;
    public Order? Order { get; set; }
    /// <summary>The average entry price its trigger was computed from; a change moves the trigger.</summary>
    public decimal BasisAvgPx { get; set; }
    /// <summary>Not before this time may a new order be placed (after a rejection or denial).</summary>
    public long RetryAtNs { get; set; }
    /// <summary>A modify failed: cancel-replace instead.</summary>
    public bool MustReplace { get; set; }
    public string RetryTimerName { get; } = $"RiskManager.retry.{kind}.{positionId}";
}
