using Halyard.Core.Model;

namespace Halyard.Core.Backtest;

/// <summary>One execution of the strategy account: exact price, size, fee (negative = rebate) and the PnL it realised.</summary>
public sealed record BacktestFill(
    long TsNs,
    InstrumentId InstrumentId,
    StrategyId StrategyId,
    ClientOrderId ClientOrderId,
    string VenueOrderId,
    string TradeId,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    LiquiditySide Liquidity,
    decimal RealizedPnl);
