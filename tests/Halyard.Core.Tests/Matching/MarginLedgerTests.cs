using Halyard.Core.Matching;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Matching.MatchingFixture;

namespace Halyard.Core.Tests.Matching;

public class MarginLedgerTests
{
    private const string Dave = "0xdave";

    [Fact]
    public void Fees_are_charged_on_notional_taker_and_maker_rates()
    {
        var f = new MatchingFixture(makerFee: 0.0002m, takerFee: 0.0005m);
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m);

        Fill fill = f.Log.Fills.ShouldHaveSingleItem();
        fill.TakerFee.ShouldBe(1.0m);   // 2000 × 0.0005
        fill.MakerFee.ShouldBe(0.4m);   // 2000 × 0.0002
        f.Engine.Ledger.Cash(Bob).ShouldBe(999_999m);
        f.Engine.Ledger.Cash(Alice).ShouldBe(999_999.6m);
    }

    [Fact]
    public void Negative_maker_fee_is_a_rebate()
    {
        var f = new MatchingFixture(makerFee: -0.0001m, takerFee: 0.0005m);
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m);
        f.Log.Fills[0].MakerFee.ShouldBe(-0.2m);
        f.Engine.Ledger.Cash(Alice).ShouldBe(1_000_000.2m);
    }

    [Fact]
    public void Realized_and_unrealized_pnl_match_hand_computed_numbers()
    {
        var f = new MatchingFixture(makerFee: 0.0002m, takerFee: 0.0005m);
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m);        // Bob long 1 @ 2000, fee 1
        f.Mark(2100m);
        f.Buy(Carol, 2100m, 0.5m);
        f.Sell(Bob, 2100m, 0.5m);     // Bob closes 0.5 @ 2100: +50, fee 0.525

        Fill close = f.Log.Fills[^1];
        close.TakerClosedPnl.ShouldBe(50m);
        close.TakerStartPositionRaw.ShouldBe(Raw(1m));
        f.Engine.Ledger.Cash(Bob).ShouldBe(1_000_048.475m);

        MarginAccountSnapshot bob = f.Engine.Ledger.Snapshot(Bob);
        MarginPositionSnapshot p = bob.Positions.ShouldHaveSingleItem();
        p.Szi.ShouldBe(0.5m);
        p.EntryPx.ShouldBe(2000m);
        p.PositionValue.ShouldBe(1050m);
        p.UnrealizedPnl.ShouldBe(50m);
        p.Leverage.ShouldBe(20);
        p.MarginUsed.ShouldBe(52.5m);
        p.ReturnOnEquity.ShouldBe(50m / 52.5m);
        p.RealizedPnl.ShouldBe(50m);
        bob.AccountValue.ShouldBe(1_000_098.475m);
        bob.TotalNtlPos.ShouldBe(1050m);
        bob.TotalRawUsd.ShouldBe(999_048.475m);
        bob.TotalMarginUsed.ShouldBe(52.5m);
    }

    [Fact]
    public void Entry_price_averages_and_partial_close_realizes_against_it()
    {
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m);
        f.Sell(Alice, 2000m, 1m);
        f.Sell(Alice, 2100m, 1m);
        f.Buy(Bob, 2100m, 2m);                    // Bob long 2, entry 2050
        f.Engine.Ledger.Snapshot(Bob).Positions[0].EntryPx.ShouldBe(2050m);

        f.Buy(Carol, 2200m, 0.5m);
        f.Sell(Bob, 2200m, 0.5m);                 // 0.5 × (2200 − 2050) = 75
        f.Log.Fills[^1].TakerClosedPnl.ShouldBe(75m);
        f.Engine.Ledger.Snapshot(Bob).Positions[0].EntryPx.ShouldBe(2050m);
    }

    [Fact]
    public void A_fill_through_zero_closes_then_opens_at_the_fill_price()
    {
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m);
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m);
        f.Buy(Carol, 2100m, 3m);
        f.Sell(Bob, 2100m, 3m);

        f.Log.Fills[^1].TakerClosedPnl.ShouldBe(100m);
        MarginPositionSnapshot p = f.Engine.Ledger.Snapshot(Bob).Positions.ShouldHaveSingleItem();
        p.Szi.ShouldBe(-2m);
        p.EntryPx.ShouldBe(2100m);
    }

    [Fact]
    public void Order_exceeding_initial_margin_is_rejected()
    {
        var f = new MatchingFixture();
        f.Engine.Ledger.Deposit(Dave, 100m); // 100 × 20x = 2000 of notional

        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(1.1m)), f.Tick())
            .Error.ShouldBe("Insufficient margin to place order.");
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(1m)), f.Tick())
            .Outcome.ShouldBe(PlaceOutcome.Resting);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(0.01m)), f.Tick())
            .Error.ShouldBe("Insufficient margin to place order.");
        // An order on the other side does not add to the worst case: max(|+2000|, |−1050|) / 20 = 100.
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Sell, Raw(2100m), Raw(0.5m)), f.Tick())
            .Outcome.ShouldBe(PlaceOutcome.Resting);
    }

    [Fact]
    public void Leverage_is_per_coin_and_bounded_by_the_instrument()
    {
        var f = new MatchingFixture(maxLeverage: 25);
        f.Engine.Ledger.Deposit(Dave, 100m);
        f.Engine.Ledger.UpdateLeverage(Dave, Coin, 26).ShouldBe("Invalid leverage value.");
        f.Engine.Ledger.UpdateLeverage(Dave, Coin, 0).ShouldBe("Invalid leverage value.");
        f.Engine.Ledger.UpdateLeverage(Dave, Coin, 10).ShouldBeNull();
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(1m)), f.Tick())
            .Error.ShouldBe("Insufficient margin to place order.");
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(0.5m)), f.Tick())
            .Outcome.ShouldBe(PlaceOutcome.Resting);
    }

    [Fact]
    public void Account_below_maintenance_margin_is_liquidated_at_the_mark()
    {
        // Dave: 200 USDC, long 2 @ 2000 at 20x, taker fee 2 → cash 198. Maintenance = 2% (1 / (2 × 25)).
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0.0005m, maxLeverage: 25);
        f.Engine.Ledger.Deposit(Dave, 200m);
        f.Sell(Bob, 2000m, 2m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(2m)), f.Tick()).Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Engine.Ledger.Cash(Dave).ShouldBe(198m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Sell, Raw(2500m), Raw(2m), ReduceOnly: true), f.Tick());
        f.Mark(2000m);
        // (0 − 198 + 2 × 2000) / (2 − 2 × 0.02)
        f.Engine.Ledger.Snapshot(Dave).Positions[0].LiquidationPx.ShouldBe(3802m / 1.96m);

        f.Mark(1940m);                 // AV 78 ≥ MM 77.6
        f.Log.Liquidations.ShouldBeEmpty();
        f.Mark(1939.7m);               // AV 77.4 < MM 77.588

        Liquidation liquidation = f.Log.Liquidations.ShouldHaveSingleItem();
        liquidation.Account.ShouldBe(Dave);
        liquidation.AccountValue.ShouldBe(77.4m);
        liquidation.MaintenanceMargin.ShouldBe(77.588m);
        liquidation.LiquidatedNtlPos.ShouldBe(3879.4m);
        Fill fill = f.Log.Fills.Last();
        fill.IsLiquidation.ShouldBeTrue();
        fill.TakerAccount.ShouldBe(Dave);
        fill.MakerAccount.ShouldBeNull();
        fill.PxRaw.ShouldBe(Raw(1939.7m));
        fill.TakerClosedPnl.ShouldBe(-120.6m);
        f.Szi(Dave).ShouldBe(0m);
        f.Engine.Ledger.Cash(Dave).ShouldBe(77.4m);
        f.Engine.OpenOrderCount(Dave).ShouldBe(0);
        f.Log.Updates.ShouldContain(u => u.Order.Account == Dave && u.Status == OrderUpdateStatus.LiquidatedCanceled);
    }

    [Fact]
    public void Funding_moves_cash_from_longs_to_shorts_at_a_positive_rate()
    {
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m);
        f.Sell(Alice, 2000m, 1m);
        f.Buy(Bob, 2000m, 1m);
        f.Mark(2000m);

        f.Engine.ApplyFunding(Coin, 0.0001m, f.Tick());

        f.Log.Fundings.Single(x => x.Account == Bob).Usdc.ShouldBe(-0.2m);
        f.Log.Fundings.Single(x => x.Account == Alice).Usdc.ShouldBe(0.2m);
        f.Engine.Ledger.Cash(Bob).ShouldBe(999_999.8m);
        f.Engine.Ledger.Cash(Alice).ShouldBe(1_000_000.2m);
        MarginPositionSnapshot bob = f.Engine.Ledger.Snapshot(Bob).Positions[0];
        bob.CumFundingAllTime.ShouldBe(0.2m);
        bob.CumFundingSinceOpen.ShouldBe(0.2m);
    }

    [Fact]
    public void Withdrawal_is_limited_to_what_margin_does_not_hold()
    {
        var f = new MatchingFixture();
        f.Engine.Ledger.Deposit(Dave, 200m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(1m)), f.Tick()); // holds 100
        f.Engine.Ledger.Snapshot(Dave).Withdrawable.ShouldBe(100m);
        f.Engine.Ledger.Withdraw(Dave, 100.01m).ShouldNotBeNull();
        f.Engine.Ledger.Withdraw(Dave, 100m).ShouldBeNull();
        f.Engine.Ledger.Cash(Dave).ShouldBe(100m);
    }

    [Fact]
    public void Lowering_leverage_below_what_the_position_needs_is_refused()
    {
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m);
        f.Engine.Ledger.Deposit(Dave, 200m);
        f.Sell(Bob, 2000m, 1m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(1m)), f.Tick()).Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Mark(2000m);

        f.Engine.Ledger.UpdateLeverage(Dave, Coin, 10).ShouldBeNull();      // needs 200 of 200
        f.Engine.Ledger.UpdateLeverage(Dave, Coin, 5).ShouldBe("Insufficient margin to update leverage.");
        f.Engine.Ledger.Leverage(Dave, Coin).ShouldBe(10);
        f.Engine.Ledger.Leverage(Carol, Coin).ShouldBe(20);
    }

    [Fact]
    public void Short_position_has_its_liquidation_price_above_the_mark()
    {
        // Dave: 500 USDC, short 2 @ 2000, no fees; maintenance 2 %: p = (0 − 500 + (−2) × 2000) / (−2 − 0.04).
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m, maxLeverage: 25);
        f.Engine.Ledger.Deposit(Dave, 500m);
        f.Buy(Bob, 2000m, 2m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Sell, Raw(2000m), Raw(2m)), f.Tick()).Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Mark(2000m);

        MarginPositionSnapshot p = f.Engine.Ledger.Snapshot(Dave).Positions.ShouldHaveSingleItem();
        p.Szi.ShouldBe(-2m);
        p.LiquidationPx.ShouldBe(-4500m / -2.04m);
        p.LiquidationPx!.Value.ShouldBeGreaterThan(2000m);

        f.Mark(2205m);   // AV 90 ≥ MM 88.2
        f.Log.Liquidations.ShouldBeEmpty();
        f.Mark(2206m);   // AV 88 < MM 88.24
        f.Log.Liquidations.ShouldHaveSingleItem().Account.ShouldBe(Dave);
        f.Szi(Dave).ShouldBe(0m);
    }

    [Fact]
    public void Funding_at_an_explicit_price_can_push_an_account_into_liquidation()
    {
        var f = new MatchingFixture(makerFee: 0m, takerFee: 0m, maxLeverage: 25);
        f.Engine.Ledger.Deposit(Dave, 200m);
        f.Sell(Bob, 2000m, 2m);
        f.Engine.Place(new MatchingOrder(Dave, Coin, OrderSide.Buy, Raw(2000m), Raw(2m)), f.Tick()).Outcome.ShouldBe(PlaceOutcome.Filled);
        f.Mark(1940m);                                     // AV 80 ≥ MM 77.6
        f.Log.Liquidations.ShouldBeEmpty();

        f.Engine.ApplyFunding(Coin, 0.001m, Raw(1940m), f.Tick()); // pays 3.88 → AV 76.12 < 77.6

        f.Log.Fundings.Single(x => x.Account == Dave).Usdc.ShouldBe(-3.88m);
        f.Log.Liquidations.ShouldHaveSingleItem().AccountValue.ShouldBe(76.12m);
    }
}
