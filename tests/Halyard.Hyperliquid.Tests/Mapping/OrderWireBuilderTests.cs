using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Wire;
using CoreTif = Halyard.Core.Model.TimeInForce;

namespace Halyard.Hyperliquid.Tests.Mapping;

public class OrderWireBuilderTests
{
    private readonly MarketTable _markets;
    private readonly OrderTracker _tracker;
    private readonly OrderFactory _factory = new(new TraderId("TRADER-001"), new StrategyId("Test-001"), () => 1);

    public OrderWireBuilderTests()
    {
        _markets = new HyperliquidInstrumentProvider((_, _) => default).Load(Fixture.Bytes("info_meta.response.json"));
        _tracker = new OrderTracker(new AccountId("HYPERLIQUID-0xabc"), () => _markets, () => 1, _ => { });
    }

    private OrderWire? Build(Order order, string coin = "BTC", decimal slippage = 0.05m, string? reference = null, decimal? size = null) =>
        BuildWithError(order, out _, coin, slippage, reference, size);

    private OrderWire? BuildWithError(Order order, out string? error, string coin = "BTC", decimal slippage = 0.05m, string? reference = null, decimal? size = null)
    {
        _markets.TryGetByCoin(coin, out var market);
        var t = _tracker.Track(order, market);
        return OrderWireBuilder.Build(t, market, order.ReduceOnly, order.PostOnly, order.TimeInForce, slippage,
            reference is null ? null : Price.Parse(reference), size, out error);
    }

    [Fact]
    public void Market_buy_is_an_ioc_limit_above_the_reference_by_the_slippage()
    {
        var wire = Build(_factory.Market(InstrumentId.Perpetual("BTC"), OrderSide.Buy, Quantity.Parse("0.01000")), reference: "100000.0")!;
        wire.Price.ShouldBe("105000");
        wire.Size.ShouldBe("0.01");
        wire.IsBuy.ShouldBeTrue();
        wire.Asset.ShouldBe(0);
        wire.OrderType.Tif.ShouldBe(Halyard.Hyperliquid.Wire.TimeInForce.Ioc);
        wire.Cloid.ShouldNotBeNull();
    }

    [Fact]
    public void Market_sell_price_is_rounded_down_to_five_significant_figures()
    {
        // 3602.05 × 0.95 = 3421.9475 → 5 significant figures, rounded away from the reference: 3421.9
        var wire = Build(_factory.Market(InstrumentId.Perpetual("ETH"), OrderSide.Sell, Quantity.Parse("0.1000")), coin: "ETH", reference: "3602.05")!;
        wire.Price.ShouldBe("3421.9");
        wire.Asset.ShouldBe(1);
    }

    [Fact]
    public void Market_order_without_a_reference_price_is_refused()
    {
        BuildWithError(_factory.Market(InstrumentId.Perpetual("BTC"), OrderSide.Buy, Quantity.Parse("0.01000")), out string? error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("reference price");
    }

    [Fact]
    public void Limit_time_in_force_maps_to_gtc_ioc_and_post_only_alo()
    {
        var id = InstrumentId.Perpetual("BTC");
        Build(_factory.Limit(id, OrderSide.Buy, Quantity.Parse("0.01000"), Price.Parse("99000.0")))!.OrderType.Tif.ShouldBe(Halyard.Hyperliquid.Wire.TimeInForce.Gtc);
        Build(_factory.Limit(id, OrderSide.Buy, Quantity.Parse("0.01000"), Price.Parse("99000.0"), CoreTif.Ioc))!.OrderType.Tif.ShouldBe(Halyard.Hyperliquid.Wire.TimeInForce.Ioc);
        var alo = Build(_factory.Limit(id, OrderSide.Sell, Quantity.Parse("0.01000"), Price.Parse("99000.5"), postOnly: true, reduceOnly: true))!;
        alo.OrderType.Tif.ShouldBe(Halyard.Hyperliquid.Wire.TimeInForce.Alo);
        alo.ReduceOnly.ShouldBeTrue();
        alo.Price.ShouldBe("99000.5");
        BuildWithError(_factory.Limit(id, OrderSide.Buy, Quantity.Parse("0.01000"), Price.Parse("99000.0"), CoreTif.Fok), out string? error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("not available");
    }

    [Fact]
    public void Stops_are_stop_loss_triggers_and_if_touched_orders_take_profit_triggers()
    {
        var id = InstrumentId.Perpetual("BTC");
        var stop = Build(_factory.StopMarket(id, OrderSide.Sell, Quantity.Parse("0.01000"), Price.Parse("90000.0"), reduceOnly: true))!;
        stop.OrderType.IsTrigger.ShouldBeTrue();
        stop.OrderType.IsMarket.ShouldBeTrue();
        stop.OrderType.TriggerPx.ShouldBe("90000");
        stop.OrderType.TpSl.ShouldBe(TpSl.StopLoss);
        stop.Price.ShouldBe("85500"); // worst price once triggered

        var stopLimit = Build(_factory.StopLimit(id, OrderSide.Buy, Quantity.Parse("0.01000"), Price.Parse("110100.0"), Price.Parse("110000.0")))!;
        stopLimit.OrderType.IsMarket.ShouldBeFalse();
        stopLimit.Price.ShouldBe("110100");

        var tp = Build(_factory.MarketIfTouched(id, OrderSide.Sell, Quantity.Parse("0.01000"), Price.Parse("120000.0")))!;
        tp.OrderType.TpSl.ShouldBe(TpSl.TakeProfit);
        tp.OrderType.IsMarket.ShouldBeTrue();
        var tpLimit = Build(_factory.LimitIfTouched(id, OrderSide.Sell, Quantity.Parse("0.01000"), Price.Parse("119900.0"), Price.Parse("120000.0")))!;
        tpLimit.OrderType.TpSl.ShouldBe(TpSl.TakeProfit);
        tpLimit.OrderType.IsMarket.ShouldBeFalse();
    }

    [Fact]
    public void A_modify_replacement_carries_the_remaining_size()
    {
        var wire = Build(_factory.Limit(InstrumentId.Perpetual("BTC"), OrderSide.Buy, Quantity.Parse("1.00000"), Price.Parse("99000.0")), size: 0.6m)!;
        wire.Size.ShouldBe("0.6");
    }
}
