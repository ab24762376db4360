using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Halyard.Core.Tests.Risk;

namespace Halyard.Core.Tests.Strategies;

public sealed class PerpStrategyTests
{
    private static readonly InstrumentId EthId = new("ETH-USD-PERP", new Venue("HYPERLIQUID"));

    private static (RiskHarness H, TargetStrategy S) Start(PerpStrategyConfig? config = null, RiskManagerConfig? risk = null, decimal balance = 10_000m)
    {
        var strategy = new TargetStrategy(config ?? new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderNotional = 100m });
        var h = new RiskHarness(risk ?? new RiskManagerConfig(), balance: balance, strategies: [strategy]);
        h.Quote("3000.0", "3000.1");
        return (h, strategy);
    }

    [Fact]
    public void A_notional_entry_is_the_notional_at_the_ask_rounded_down_to_the_lot()
    {
        var (h, s) = Start();
        s.Started.ShouldBeTrue();
        h.Venue.Calls.ShouldContain($"+quotes {EthId}");

        Order order = h.Run(() => s.Move(EthId, +1)).ShouldNotBeNull();

        order.Side.ShouldBe(OrderSide.Buy);
        order.OrderType.ShouldBe(OrderType.Market);
        order.Quantity.ShouldBe(Quantity.Parse("0.033")); // 100 / 3000.1 = 0.03333…
        s.Position(EthId).ShouldBe(0.033m);
        s.Move(EthId, +1).ShouldBeNull(); // already there
    }

    [Fact]
    public void A_quantity_entry_is_used_as_is_when_it_fits()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 0.5m });
        h.Run(() => s.Move(EthId, -1)).ShouldNotBeNull().Quantity.ShouldBe(Quantity.Parse("0.500"));
        s.Position(EthId).ShouldBe(-0.5m);
    }

    [Fact]
    public void The_position_never_exceeds_the_strategys_own_max_size_or_notional()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 1m, MaxPositionSize = 0.4m });
        h.Run(() => s.Move(EthId, +1)).ShouldNotBeNull().Quantity.ShouldBe(Quantity.Parse("0.400"));

        (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 1m, MaxPositionNotional = 1_000m });
        h.Run(() => s.Move(EthId, -1)).ShouldNotBeNull().Quantity.ShouldBe(Quantity.Parse("0.333")); // 1000 / 3000.0 at the bid
    }

    [Fact]
    public void The_risk_managers_limits_cap_the_size_so_nothing_is_denied()
    {
        var risk = new RiskManagerConfig { MaxPositionNotional = 500m, MaxPositionSize = 10m };
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 2m }, risk);

        h.Run(() => s.Move(EthId, +1)).ShouldNotBeNull().Quantity.ShouldBe(Quantity.Parse("0.166")); // 500 / 3000.1
        s.Denied.ShouldBeEmpty();
        s.Position(EthId).ShouldBe(0.166m);
    }

    [Fact]
    public void Leverage_caps_the_position_value_at_a_multiple_of_equity()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 10m, Leverage = 2m }, balance: 3_000m);
        Order order = h.Run(() => s.Move(EthId, +1)).ShouldNotBeNull();
        order.Quantity.ShouldBe(Quantity.Parse("1.999")); // 2 × 3000 / 3000.1, rounded down
    }

    [Fact]
    public void The_stricter_of_the_strategys_leverage_and_the_risk_managers_max_leverage_applies()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 10m, Leverage = 5m },
            new RiskManagerConfig { MaxLeverage = 1m }, balance: 3_000m);
        h.Run(() => s.Move(EthId, +1)).ShouldNotBeNull().Quantity.ShouldBe(Quantity.Parse("0.999"));
        s.Denied.ShouldBeEmpty();
    }

    [Fact]
    public void Flipping_sends_one_order_for_the_close_and_the_new_entry()
    {
        var (h, s) = Start();
        h.Run(() => s.Move(EthId, +1));
        Order flip = h.Run(() => s.Move(EthId, -1)).ShouldNotBeNull();
        flip.Side.ShouldBe(OrderSide.Sell);
        flip.Quantity.ShouldBe(Quantity.Parse("0.066")); // 0.033 to close + 100 / 3000.0 = 0.033 to open
        flip.ReduceOnly.ShouldBeFalse();
        s.Position(EthId).ShouldBe(-0.033m);

        Order flat = h.Run(() => s.Move(EthId, 0)).ShouldNotBeNull();
        flat.Side.ShouldBe(OrderSide.Buy);
        flat.ReduceOnly.ShouldBeTrue();
        s.Position(EthId).ShouldBe(0m);
    }

    [Fact]
    public void A_flip_larger_than_the_max_order_notional_closes_first_and_opens_on_the_next_call()
    {
        var risk = new RiskManagerConfig { MaxOrderNotional = 150m };
        var (h, s) = Start(risk: risk);
        h.Run(() => s.Move(EthId, +1));

        Order close = s.Move(EthId, -1, out bool reaches).ShouldNotBeNull();
        h.Drain();
        reaches.ShouldBeFalse();
        close.Quantity.ShouldBe(Quantity.Parse("0.033"));
        close.ReduceOnly.ShouldBeTrue();
        s.Position(EthId).ShouldBe(0m);

        Order open = s.Move(EthId, -1, out reaches).ShouldNotBeNull();
        h.Drain();
        reaches.ShouldBeTrue();
        open.Quantity.ShouldBe(Quantity.Parse("0.033"));
        s.Position(EthId).ShouldBe(-0.033m);
        s.Denied.ShouldBeEmpty();
    }

    [Fact]
    public void Without_room_for_the_venue_minimum_nothing_is_opened()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderNotional = 100m, MaxPositionNotional = 9m });
        h.Run(() => s.Move(EthId, +1)).ShouldBeNull();
        h.Venue.WorkingOrders().ShouldBeEmpty();
        s.OrdersSubmitted.ShouldBe(0);
    }

    [Fact]
    public void Another_strategys_position_in_the_instrument_uses_the_shared_room()
    {
        var (h, s) = Start(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderQuantity = 1m, MaxPositionSize = 1m });
        h.Buy("0.300"); // the manual strategy
        s.Room(EthId, +1, 3000.1m).ShouldBe(Quantity.Parse("0.700"));
        s.Room(EthId, -1, 3000.0m).ShouldBe(Quantity.Parse("1.300"));
    }

    [Fact]
    public void The_risk_manager_protects_the_position_the_strategy_opens()
    {
        var (h, s) = Start(risk: new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0.01m) });
        h.Run(() => s.Move(EthId, +1));
        PositionProtection protection = h.Manager.ProtectionOf(PositionId.Netting(EthId, s.Id)).ShouldNotBeNull();
        protection.IsProtected.ShouldBeTrue();
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.033 StopMarket trigger 2970.0 reduce-only"]);
        s.Pending(EthId).ShouldBeFalse(); // the stop is the risk manager's, not the strategy's own
    }

    [Fact]
    public void A_leverage_above_the_instruments_maximum_stops_the_start()
    {
        var strategy = new TargetStrategy(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [EthId], OrderNotional = 100m, Leverage = 30m });
        Should.Throw<InvalidOperationException>(() => new RiskHarness(new RiskManagerConfig(), strategies: [strategy]))
            .Message.ShouldContain("Leverage 30 is above ETH-USD-PERP.HYPERLIQUID's maximum of 25");
    }

    [Fact]
    public void An_instrument_missing_from_the_cache_stops_the_start()
    {
        var sol = new InstrumentId("SOL-USD-PERP", new Venue("HYPERLIQUID"));
        var strategy = new TargetStrategy(new PerpStrategyConfig { StrategyId = "PERP-001", Instruments = [sol], OrderNotional = 100m });
        Should.Throw<InvalidOperationException>(() => new RiskHarness(new RiskManagerConfig(), strategies: [strategy]))
            .Message.ShouldContain("SOL-USD-PERP.HYPERLIQUID is not a perpetual in the cache");
    }

    public static TheoryData<string, PerpStrategyConfig> Invalid => new()
    {
        { "StrategyId", new PerpStrategyConfig { StrategyId = " ", Instruments = [EthId], OrderNotional = 100m } },
        { "Instruments", new PerpStrategyConfig { StrategyId = "S", Instruments = [], OrderNotional = 100m } },
        { "Instruments", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId, EthId], OrderNotional = 100m } },
        { "OrderQuantity", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId] } },
        { "OrderQuantity", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderQuantity = 1m, OrderNotional = 100m } },
        { "OrderQuantity", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderQuantity = -1m } },
        { "OrderNotional", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderNotional = 0m } },
        { "Leverage", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderNotional = 100m, Leverage = 0m } },
        { "MaxPositionSize", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderNotional = 100m, MaxPositionSize = 0m } },
        { "MaxPositionNotional", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderNotional = 100m, MaxPositionNotional = -5m } },
        { "MarketSlippage", new PerpStrategyConfig { StrategyId = "S", Instruments = [EthId], OrderNotional = 100m, MarketSlippage = 1m } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_config_is_refused_naming_its_field(string field, PerpStrategyConfig config)
    {
        Should.Throw<ArgumentException>(() => new TargetStrategy(config)).ParamName.ShouldBe(field);
    }
}
