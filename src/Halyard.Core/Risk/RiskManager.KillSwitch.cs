using Halyard.Core.Execution;
using Halyard.Core.Model;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Risk;

public sealed partial class RiskManager
{
    private const long DayNs = 86_400_000_000_000L;
    private decimal? _peakEquity;
    private decimal? _dayStartEquity;
    private long _dayStartNs = long.MinValue;
    private bool _flattenOnThisHalt;

    /// <summary>Highest equity seen (drawdown is measured from it).</summary>
    public decimal? PeakEquity => _peakEquity;
    /// <summary>Equity at the start of the current UTC day (daily loss is measured from it).</summary>
    public decimal? DayStartEquity => _dayStartEquity;

    /// <summary>
    /// Manual kill switch (the CLI calls it): HALTED cancels every working order except the protective stops of
    /// open positions; <paramref name="flatten"/> (default <see cref="RiskManagerConfig.FlattenOnHalt"/>) also closes them.
    /// </summary>
    public void Halt(string reason, bool? flatten = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _flattenOnThisHalt = flatten ?? Config.FlattenOnHalt;
        try
        {
            if (TradingState == TradingState.Halted) ApplyHalt(reason); // again, e.g. to flatten now
            else _risk.SetTradingState(TradingState.Halted, reason);
        }
        finally
        {
            _flattenOnThisHalt = false;
        }
    }

    /// <summary>Only orders that reduce exposure from now on; open orders that could add exposure are canceled.</summary>
    public void Reduce(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _risk.SetTradingState(TradingState.Reducing, reason);
    }

    /// <summary>Back to ACTIVE (an operator's decision after a kill switch tripped); loss marks restart from the current equity.</summary>
    public void Resume(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        decimal? equity = Equity();
        _peakEquity = equity;
        _dayStartEquity = equity;
        _risk.SetTradingState(TradingState.Active, reason);
        Save(reason);
    }

    private void OnTradingStateChanged(TradingStateChanged change)
    {
        Save(change.Reason);
        if (change.State == TradingState.Halted) ApplyHalt(change.Reason);
        else if (change.State == TradingState.Reducing) CancelWorkingOrders(onlyAddingExposure: true);
    }

    private void ApplyHalt(string reason)
    {
        CancelWorkingOrders(onlyAddingExposure: false);
        if (!_flattenOnThisHalt && !Config.FlattenOnHalt) return;
        foreach (Position position in _cache.PositionsOpen())
        {
            if (!_factories.ContainsKey(position.StrategyId)) continue;
            if (!_positions.TryGetValue(position.Id, out ProtectedPosition? p))
                _positions[position.Id] = p = new ProtectedPosition(position.Id, position.StrategyId, position.InstrumentId);
            FlattenPosition(p, position, $"HALTED: {reason}");
        }
    }

    /// <summary>Cancels working orders of the registered strategies, keeping this manager's own (protective stops, closes).</summary>
    private void CancelWorkingOrders(bool onlyAddingExposure)
    {
        var orders = _cache.OrdersOpen().Concat(_cache.OrdersInflight()).Distinct().ToList();
        foreach (Order order in orders)
        {
            if (!_factories.ContainsKey(order.StrategyId) || RiskTags.IsRiskOrder(order) || order.Status == OrderStatus.PendingCancel) continue;
            if (onlyAddingExposure && (order.ReduceOnly || ReducesExposure(order))) continue;
            _log.LogInformation("Canceling {ClientOrderId} ({TradingState})", order.ClientOrderId, TradingState);
            Send(new CancelOrder(order.TraderId, order.StrategyId, order.InstrumentId, order.ClientOrderId, order.VenueOrderId, _newId(), _clock.UtcNowNs));
        }
    }

    /// <summary>Measures equity against the day's start and the peak; trips the kill switch when a limit is reached.</summary>
    private void CheckLosses()
    {
        if (!IsRunning || Equity() is not decimal equity) return;
        long now = _clock.UtcNowNs;
        long day = now - (((now % DayNs) + DayNs) % DayNs);
        bool changed = false;
        if (day != _dayStartNs || _dayStartEquity is null)
        {
            _dayStartNs = day;
            _dayStartEquity = equity;
            changed = true;
        }
        if (_peakEquity is not decimal peak || equity > peak)
        {
            _peakEquity = equity;
            changed = true;
        }
        if (changed) Save(null);

        if (Config.DailyLossLimit is decimal limit && _dayStartEquity - equity >= limit)
            Trip(Config.DailyLossState, $"daily loss {N(_dayStartEquity.Value - equity)} reached {nameof(RiskManagerConfig.DailyLossLimit)} {limit} (equity {N(equity)})");
        if (Config.MaxDrawdown is decimal maxDrawdown && _peakEquity is decimal top && top > 0 && (top - equity) / top >= maxDrawdown)
            Trip(Config.DrawdownState, $"drawdown {(top - equity) / top:P2} from the peak {N(top)} reached {nameof(RiskManagerConfig.MaxDrawdown)} {maxDrawdown:P2} (equity {N(equity)})");
    }

    /// <summary>Moves to a stricter state only: ACTIVE → REDUCING → HALTED.</summary>
    private void Trip(TradingState state, string reason)
    {
        if (TradingState == TradingState.Halted || TradingState == state) return;
        _log.LogError("Kill switch: {Reason}", reason);
        _risk.SetTradingState(state, reason);
    }

    private void RestoreState()
    {
        if (_store.Load() is not RiskState saved) return;
        _peakEquity = saved.PeakEquity;
        _dayStartEquity = saved.DayStartEquity;
        _dayStartNs = saved.DayStartNs;
        if (saved.TradingState != TradingState.Active && saved.TradingState != TradingState)
        {
            _log.LogWarning("Restoring trading state {State} saved at {TsEvent}: {Reason}", saved.TradingState, saved.TsEvent, saved.Reason);
            _risk.SetTradingState(saved.TradingState, saved.Reason.StartsWith("restored: ", StringComparison.Ordinal) ? saved.Reason : $"restored: {saved.Reason}");
        }
    }

    private string _lastReason = "";

    private void Save(string? reason)
    {
        if (reason is not null) _lastReason = reason;
        _store.Save(new RiskState(TradingState, _lastReason, _peakEquity, _dayStartEquity, _dayStartNs, _clock.UtcNowNs));
    }
}
