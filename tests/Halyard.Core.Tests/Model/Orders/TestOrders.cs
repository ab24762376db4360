using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Orders;

/// <summary>A factory on a fixed clock, for tests.</summary>
internal static class TestOrders
{
    public const long T0 = 1_764_000_000_000_000_000; // 2025-11-24T16:00:00Z
    public static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    public static readonly TraderId Trader = new("TRADER-001");
    public static readonly StrategyId Strategy = new("MyStrategy-001");

    public static OrderFactory Factory(long now = T0) => new(Trader, Strategy, () => now);

    /// <summary>A limit order with a trigger-less type by default; <paramref name="type"/> picks a stop-limit for trigger tests.</summary>
    public static Order Order(string quantity = "1.0", OrderSide side = OrderSide.Buy, OrderType type = OrderType.Limit) => type switch
    {
        OrderType.StopLimit => Factory().StopLimit(Btc, side, Quantity.Parse(quantity), Price.Parse("100"), Price.Parse("99")),
        _ => Factory().Limit(Btc, side, Quantity.Parse(quantity), Price.Parse("100")),
    };
}
