using Halyard.Core.Model;

namespace Halyard.Core.Strategies;

/// <summary>
/// Settings every <see cref="PerpStrategy"/> shares: what it trades, how big one order is, and its own caps
/// (the kernel's risk manager limits apply on top). Derive a record from it for a strategy's own settings.
/// </summary>
public record PerpStrategyConfig
{
    public required string StrategyId { get; init; }
    /// <summary>Perpetuals to trade (each must be in the cache when the strategy starts).</summary>
    public required IReadOnlyList<InstrumentId> Instruments { get; init; }
    /// <summary>One entry in base units (e.g. 0.01 BTC); set this or <see cref="OrderNotional"/>.</summary>
    public decimal? OrderQuantity { get; init; }
    /// <summary>One entry in quote units (e.g. 100 USD) at the price the order would trade at; set this or <see cref="OrderQuantity"/>.</summary>
    public decimal? OrderNotional { get; init; }
    /// <summary>Largest position value as a multiple of account equity (at most each instrument's maximum leverage).</summary>
    public decimal Leverage { get; init; } = 1m;
    /// <summary>Largest absolute position per instrument in base units (null: none of the strategy's own).</summary>
    public decimal? MaxPositionSize { get; init; }
    /// <summary>Largest absolute position value per instrument in quote units (null: none of the strategy's own).</summary>
    public decimal? MaxPositionNotional { get; init; }
    /// <summary>Slippage bound of the market orders (0.05 = 5 %); null uses the venue client's default.</summary>
    public decimal? MarketSlippage { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> whose ParamName is the first invalid field.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(StrategyId)) Fail(nameof(StrategyId), StrategyId, "is required");
        if (Instruments is null || Instruments.Count == 0) Fail(nameof(Instruments), null, "needs at least one instrument");
        if (Instruments!.Any(i => i is null)) Fail(nameof(Instruments), null, "must not contain null");
        if (Instruments!.Distinct().Count() != Instruments!.Count) Fail(nameof(Instruments), string.Join(", ", Instruments!), "lists an instrument twice");
        if ((OrderQuantity is null) == (OrderNotional is null))
            Fail(nameof(OrderQuantity), OrderQuantity, $"set exactly one of {nameof(OrderQuantity)} and {nameof(OrderNotional)}");
        if (OrderQuantity is <= 0) Fail(nameof(OrderQuantity), OrderQuantity, "must be positive");
        if (OrderNotional is <= 0) Fail(nameof(OrderNotional), OrderNotional, "must be positive");
        if (Leverage <= 0) Fail(nameof(Leverage), Leverage, "must be positive");
        if (MaxPositionSize is <= 0) Fail(nameof(MaxPositionSize), MaxPositionSize, "must be positive");
        if (MaxPositionNotional is <= 0) Fail(nameof(MaxPositionNotional), MaxPositionNotional, "must be positive");
        if (MarketSlippage is <= 0 or >= 1) Fail(nameof(MarketSlippage), MarketSlippage, "must be a fraction between 0 and 1");
    }

    protected static void Fail(string field, object? value, string problem) =>
        throw new ArgumentException($"{field} {problem} (was {value?.ToString() ?? "null"})", field);
}
