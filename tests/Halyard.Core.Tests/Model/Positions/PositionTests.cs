using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Positions;

public class PositionTests
{
    private const long T0 = 1_764_000_000_000_000_000;
    private static readonly TraderId Trader = new("TRADER-001");
    private static readonly StrategyId Strategy = new("MyStrategy-001");
    private static readonly AccountId Account = new("VENUE-0xabc");

    private static readonly CryptoPerpetual Btc = new()
    {
        Id = InstrumentId.Perpetual("BTC"),
        RawSymbol = "BTC",
        BaseCurrency = new Currency("BTC", 5),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = 1,
        SizePrecision = 5,
        PriceIncrement = Price.Parse("0.1"),
        SizeIncrement = Quantity.Parse("0.00001"),
        MaxLeverage = 40,
    };

    private int _trade;

    private OrderFilled Fill(OrderSide side, string qty, string px, decimal fee = 0m, Currency? feeCurrency = null, long atSeconds = 0, string? order = null) => new(
        Trader, Strategy, Btc.Id, new ClientOrderId(order ?? $"O-{_trade + 1}"), new VenueOrderId("V"), Account, new TradeId($"T-{++_trade}"),
        null, side, OrderType.Market, Quantity.Parse(qty, 5), Price.Parse(px, 1), Currency.Usd, new Money(fee, feeCurrency ?? Currency.Usdc),
        LiquiditySide.Taker, Guid.NewGuid(), T0 + atSeconds * 1_000_000_000, T0 + atSeconds * 1_000_000_000);

    [Fact]
    public void Opening_fill_sets_side_quantity_entry_and_netting_id()
    {
        var position = new Position(Btc, Fill(OrderSide.Buy, "1", "100", fee: 0.05m));
        position.Id.Value.ShouldBe("BTC-USD-PERP.HYPERLIQUID-MyStrategy-001");
        position.Side.ShouldBe(PositionSide.Long);
        position.Entry.ShouldBe(OrderSide.Buy);
        position.SignedQty.ShouldBe(1m);
        position.Quantity.ShouldBe(Quantity.Parse("1"));
        position.AvgPxOpen.ShouldBe(100m);
        position.Currency.ShouldBe(Currency.Usdc);
        position.RealizedPnl.ShouldBe(new Money(-0.05m, Currency.Usdc)); // only the fee so far
        position.TsOpened.ShouldBe(T0);
        position.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void Increase_then_partial_reduce_then_close_matches_hand_arithmetic()
    {
        // buy 1 @ 100 (fee 0.05), buy 3 @ 104 (fee 0.15) → avg open = (1×100 + 3×104) / 4 = 412 / 4 = 103
        var position = new Position(Btc, Fill(OrderSide.Buy, "1", "100", fee: 0.05m));
        PositionUpdate increased = position.Apply(Fill(OrderSide.Buy, "3", "104", fee: 0.15m, atSeconds: 10));
        increased.Kind.ShouldBe(PositionChangeKind.Changed);
        position.AvgPxOpen.ShouldBe(103m);
        position.SignedQty.ShouldBe(4m);

        // sell 1.5 @ 110 (fee 0.1): realized = (110 − 103) × 1.5 = 10.5; net of fee 10.4
        PositionUpdate reduced = position.Apply(Fill(OrderSide.Sell, "1.5", "110", fee: 0.1m, atSeconds: 20));
        reduced.Kind.ShouldBe(PositionChangeKind.Changed);
        reduced.RealizedPnl.ShouldBe(new Money(10.4m, Currency.Usdc));
        position.SignedQty.ShouldBe(2.5m);
        position.AvgPxOpen.ShouldBe(103m); // a reduction leaves the entry price alone
        position.AvgPxClose.ShouldBe(110m);
        // realized so far = −0.05 − 0.15 + 10.5 − 0.1 = 10.2
        position.RealizedPnl.ShouldBe(new Money(10.2m, Currency.Usdc));
        // unrealized at 105 = (105 − 103) × 2.5 = 5
        position.UnrealizedPnl(Price.Parse("105")).ShouldBe(new Money(5m, Currency.Usdc));
        position.TotalPnl(Price.Parse("105")).ShouldBe(new Money(15.2m, Currency.Usdc));

        // sell 2.5 @ 100 (fee 0.2): realized = (100 − 103) × 2.5 = −7.5
        PositionUpdate closed = position.Apply(Fill(OrderSide.Sell, "2.5", "100", fee: 0.2m, atSeconds: 60, order: "O-close"));
        closed.Kind.ShouldBe(PositionChangeKind.Closed);
        closed.RealizedPnl.ShouldBe(new Money(-7.7m, Currency.Usdc));
        position.Side.ShouldBe(PositionSide.Flat);
        position.IsClosed.ShouldBeTrue();
        // total realized = 10.2 − 7.5 − 0.2 = 2.5; fees 0.05 + 0.15 + 0.1 + 0.2 = 0.5
        position.RealizedPnl.ShouldBe(new Money(2.5m, Currency.Usdc));
        position.Commissions[Currency.Usdc].ShouldBe(0.5m);
        // avg close = (1.5 × 110 + 2.5 × 100) / 4 = (165 + 250) / 4 = 103.75
        position.AvgPxClose.ShouldBe(103.75m);
        position.PeakQuantity.ShouldBe(Quantity.Parse("4"));
        position.TsClosed.ShouldBe(T0 + 60_000_000_000);
        position.DurationNs.ShouldBe(60_000_000_000);
        position.ClosingOrderId.ShouldBe(new ClientOrderId("O-close"));
    }

    [Fact]
    public void Short_position_profits_when_price_falls()
    {
        // sell 2 @ 50, buy 2 @ 45: realized = (50 − 45) × 2 = 10
        var position = new Position(Btc, Fill(OrderSide.Sell, "2", "50"));
        position.Side.ShouldBe(PositionSide.Short);
        position.SignedQty.ShouldBe(-2m);
        position.UnrealizedPnl(Price.Parse("47")).ShouldBe(new Money(6m, Currency.Usdc)); // (50 − 47) × 2
        position.Apply(Fill(OrderSide.Buy, "2", "45")).Kind.ShouldBe(PositionChangeKind.Closed);
        position.RealizedPnl.ShouldBe(new Money(10m, Currency.Usdc));
    }

    [Fact]
    public void A_fill_larger_than_the_position_flips_it_at_the_fill_price()
    {
        // long 1 @ 100; sell 3 @ 90 with fee 0.3: closes 1 (realized (90 − 100) × 1 = −10, fee share 0.1)
        // and opens short 2 @ 90 (fee share 0.2).
        var position = new Position(Btc, Fill(OrderSide.Buy, "1", "100"));
        PositionUpdate flip = position.Apply(Fill(OrderSide.Sell, "3", "90", fee: 0.3m, atSeconds: 30, order: "O-flip"));

        flip.Kind.ShouldBe(PositionChangeKind.Flipped);
        flip.RealizedPnl.ShouldBe(new Money(-10.3m, Currency.Usdc)); // −10 − 0.3, all of the fill's effect
        PositionSnapshot closedLeg = flip.ClosedLeg.ShouldNotBeNull();
        closedLeg.Side.ShouldBe(PositionSide.Flat);
        closedLeg.RealizedPnl.ShouldBe(new Money(-10.1m, Currency.Usdc));
        closedLeg.LastQty.ShouldBe(Quantity.Parse("1"));
        closedLeg.AvgPxClose.ShouldBe(90m);
        closedLeg.DurationNs.ShouldBe(30_000_000_000);
        closedLeg.Commissions.ShouldBe([new Money(0.1m, Currency.Usdc)]);

        position.Side.ShouldBe(PositionSide.Short);
        position.SignedQty.ShouldBe(-2m);
        position.AvgPxOpen.ShouldBe(90m);
        position.RealizedPnl.ShouldBe(new Money(-0.2m, Currency.Usdc));
        position.Commissions[Currency.Usdc].ShouldBe(0.2m);
        position.OpeningOrderId.ShouldBe(new ClientOrderId("O-flip"));
        position.Entry.ShouldBe(OrderSide.Sell);
        position.TsOpened.ShouldBe(T0 + 30_000_000_000);
        position.PeakQuantity.ShouldBe(Quantity.Parse("2"));

        var events = position.EventsFor(flip, Guid.NewGuid, tsInit: 7);
        events.Select(e => e.GetType()).ShouldBe([typeof(PositionClosed), typeof(PositionOpened)]);
        events[0].Position.ShouldBe(closedLeg);
        events[1].Position.Side.ShouldBe(PositionSide.Short);
    }

    [Fact]
    public void A_fill_after_close_reopens_the_position_with_fresh_pnl()
    {
        var position = new Position(Btc, Fill(OrderSide.Buy, "1", "100"));
        position.Apply(Fill(OrderSide.Sell, "1", "110")).Kind.ShouldBe(PositionChangeKind.Closed);
        position.RealizedPnl.Amount.ShouldBe(10m);
        PositionUpdate reopened = position.Apply(Fill(OrderSide.Sell, "0.5", "120", atSeconds: 5));
        reopened.Kind.ShouldBe(PositionChangeKind.Opened);
        position.RealizedPnl.Amount.ShouldBe(0m);
        position.AvgPxOpen.ShouldBe(120m);
        position.AvgPxClose.ShouldBeNull();
        position.TsClosed.ShouldBeNull();
        position.Side.ShouldBe(PositionSide.Short);
        position.EventsFor(reopened, Guid.NewGuid, 0).Single().ShouldBeOfType<PositionOpened>();
    }

    [Fact]
    public void Commission_in_another_currency_is_tracked_but_not_taken_from_pnl()
    {
        var hype = new Currency("HYPE", 8);
        var position = new Position(Btc, Fill(OrderSide.Buy, "1", "100", fee: 0.01m, feeCurrency: hype));
        position.RealizedPnl.Amount.ShouldBe(0m);
        position.Commissions[hype].ShouldBe(0.01m);
    }

    [Fact]
    public void Average_entry_is_exact_with_uneven_sizes()
    {
        // buy 0.12345 @ 65000.1, buy 0.00007 @ 64999.9
        // avg = (0.12345 × 65000.1 + 0.00007 × 64999.9) / 0.12352 = (8024.262345 + 4.549993) / 0.12352 = 8028.812338 / 0.12352
        var position = new Position(Btc, Fill(OrderSide.Buy, "0.12345", "65000.1"));
        position.Apply(Fill(OrderSide.Buy, "0.00007", "64999.9"));
        position.AvgPxOpen.ShouldBe(8028.812338m / 0.12352m);
        position.SignedQty.ShouldBe(0.12352m);
    }

    [Fact]
    public void The_same_fill_twice_and_fills_of_other_instruments_change_nothing()
    {
        OrderFilled open = Fill(OrderSide.Buy, "1", "100");
        var position = new Position(Btc, open);
        PositionUpdate dup = position.Apply(open);
        dup.Kind.ShouldBe(PositionChangeKind.Duplicate);
        dup.Error.ShouldBe("fill T-1 was already applied to position BTC-USD-PERP.HYPERLIQUID-MyStrategy-001");
        position.Apply(Fill(OrderSide.Buy, "1", "100") with { InstrumentId = InstrumentId.Perpetual("ETH") }).Kind.ShouldBe(PositionChangeKind.Invalid);
        position.SignedQty.ShouldBe(1m);
        position.EventsFor(dup, Guid.NewGuid, 0).ShouldBeEmpty();
    }
}
