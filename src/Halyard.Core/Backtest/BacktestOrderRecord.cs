using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>An order of the run as the kernel's cache ended with it.</summary>
public sealed record BacktestOrderRecord(
    long TsInit,
    InstrumentId InstrumentId,
    StrategyId StrategyId,
    ClientOrderId ClientOrderId,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    decimal? TriggerPrice,
    decimal FilledQuantity,
    decimal? AveragePrice,
    OrderStatus Status,
    long TsLast);
