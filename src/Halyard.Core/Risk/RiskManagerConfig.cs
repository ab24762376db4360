using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>
/// What the <see cref="RiskManager"/> does: protective orders on every position, limits checked before an
/// order leaves the node, and the kill switch. Immutable; <see cref="Validate"/> names the field at fault.
/// Money amounts are in the instruments' quote/settlement currency (USD/USDC); null disables a limit.
/// </summary>
public sealed record RiskManagerConfig
{
    // ── protection ──────────────────────────────────────────────
    /// <summary>
    /// Distance of the reduce-only STOP_MARKET placed when a position opens; null (the default, so a bare kernel
    /// behaves as configured and nothing more) places none. Every live config should set it.
    /// </summary>
    public ProtectiveDistance? StopLoss { get; init; }
    /// <summary>Optional reduce-only take-profit placed with the stop.</summary>
    public TakeProfitConfig? TakeProfit { get; init; }
    /// <summary>Which price triggers the protective orders.</summary>
    public TriggerType TriggerType { get; init; } = TriggerType.Default;
    /// <summary>A position without a working stop for its whole size for longer than this raises <see cref="PositionUnprotected"/>.</summary>
    public TimeSpan ProtectionTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Wait before placing a stop again after the venue rejected it or a check denied it (a cancel is replaced at once).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Close a position with a market order when it is still unprotected after <see cref="ProtectionTimeout"/>.</summary>
    public bool FlattenUnprotected { get; init; }

    // ── limits (orders that reduce exposure always pass) ────────
    /// <summary>Largest absolute position per instrument in base units, counting open orders on the same side.</summary>
    public decimal? MaxPositionSize { get; init; }
    /// <summary>Largest absolute position value per instrument, counting open orders on the same side.</summary>
    public decimal? MaxPositionNotional { get; init; }
    /// <summary>Largest sum of absolute position values over all instruments, counting open orders.</summary>
    public decimal? MaxTotalExposure { get; init; }
    /// <summary>Largest total exposure divided by account equity (balance plus unrealized PnL).</summary>
    public decimal? MaxLeverage { get; init; }
    /// <summary>Largest value of one order.</summary>
    public decimal? MaxOrderNotional { get; init; }
    /// <summary>Most orders open or in flight at once, over the node.</summary>
    public int? MaxOpenOrders { get; init; }
    /// <summary>Most new exposure-adding orders per <see cref="OrderRateInterval"/>.</summary>
    public int? MaxOrderRate { get; init; }
    public TimeSpan OrderRateInterval { get; init; } = TimeSpan.FromSeconds(1);

    // ── kill switch ─────────────────────────────────────────────
    /// <summary>Loss of equity since the start of the UTC day that trips <see cref="DailyLossState"/>.</summary>
    public decimal? DailyLossLimit { get; init; }
    public TradingState DailyLossState { get; init; } = TradingState.Halted;
    /// <summary>Fall of equity from its peak, as a fraction (0.1 = 10 %), that trips <see cref="DrawdownState"/>.</summary>
    public decimal? MaxDrawdown { get; init; }
    public TradingState DrawdownState { get; init; } = TradingState.Halted;
    /// <summary>When HALTED, also close every position with reduce-only market orders.</summary>
    public bool FlattenOnHalt { get; init; }
    /// <summary>
    /// An operator's standing order from the config (or the environment): Reducing or Halted from start, whatever
    /// the saved state says; Active (the default) leaves the state to the kill switch and the saved state.
    /// </summary>
    public TradingState ManualState { get; init; } = TradingState.Active;
    /// <summary>How often equity is checked against the loss limits (also after every fill).</summary>
    public TimeSpan EquityCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> whose ParamName is the first invalid field; returns this config.</summary>
    public RiskManagerConfig Validate()
    {
        StopLoss?.Validate(nameof(StopLoss));
        TakeProfit?.Validate(nameof(TakeProfit));
        if (!Enum.IsDefined(TriggerType)) Fail(nameof(TriggerType), TriggerType, "is not a trigger type");
        Positive(ProtectionTimeout, nameof(ProtectionTimeout));
        Positive(RetryDelay, nameof(RetryDelay));
        if (RetryDelay >= ProtectionTimeout) Fail(nameof(RetryDelay), RetryDelay, $"must be shorter than {nameof(ProtectionTimeout)} ({ProtectionTimeout})");
        Positive(MaxPositionSize, nameof(MaxPositionSize));
        Positive(MaxPositionNotional, nameof(MaxPositionNotional));
        Positive(MaxTotalExposure, nameof(MaxTotalExposure));
        Positive(MaxLeverage, nameof(MaxLeverage));
        Positive(MaxOrderNotional, nameof(MaxOrderNotional));
        if (MaxOpenOrders is <= 0) Fail(nameof(MaxOpenOrders), MaxOpenOrders, "must be positive");
        if (MaxOrderRate is <= 0) Fail(nameof(MaxOrderRate), MaxOrderRate, "must be positive");
        Positive(OrderRateInterval, nameof(OrderRateInterval));
        Positive(DailyLossLimit, nameof(DailyLossLimit));
        if (MaxDrawdown is <= 0 or >= 1) Fail(nameof(MaxDrawdown), MaxDrawdown, "must be a fraction between 0 and 1 (0.1 = 10 %)");
        if (DailyLossState is not (TradingState.Reducing or TradingState.Halted)) Fail(nameof(DailyLossState), DailyLossState, "must be Reducing or Halted");
        if (DrawdownState is not (TradingState.Reducing or TradingState.Halted)) Fail(nameof(DrawdownState), DrawdownState, "must be Reducing or Halted");
        Positive(EquityCheckInterval, nameof(EquityCheckInterval));
        if (!Enum.IsDefined(ManualState)) Fail(nameof(ManualState), ManualState, "is not a trading state");
        return this;
    }

    private static void Positive(TimeSpan value, string field)
    {
        if (value <= TimeSpan.Zero) Fail(field, value, "must be positive");
    }

    private static void Positive(decimal? value, string field)
    {
        if (value is <= 0) Fail(field, value, "must be positive");
    }

    private static void Fail(string field, object? value, string problem) =>
        throw new ArgumentException($"{field} {problem} (was {value?.ToString() ?? "null"})", field);
}
