using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Tests.Risk;

public class KillSwitchTests
{
    private static readonly RiskManagerConfig Protected = new() { StopLoss = ProtectiveDistance.Percent(0.05m) };

    [Fact]
    public void A_manual_halt_cancels_working_orders_keeps_the_stops_and_denies_new_orders()
    {
        var h = new RiskHarness(Protected);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.500");
        Order resting = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.100", "2900.0"));

        h.Run(() => { h.Manager.Halt("operator"); return 0; });

        h.Manager.TradingState.ShouldBe(TradingState.Halted);
        resting.Status.ShouldBe(OrderStatus.Canceled);
        h.Venue.WorkingOrders().ShouldBe(["Sell 0.500 StopMarket trigger 2850.4 reduce-only"]);
        h.Buy("0.100").Status.ShouldBe(OrderStatus.Denied);
        h.Strategy.Denied.ShouldHaveSingleItem().Reason.ShouldBe("trading is HALTED");
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void A_halt_with_flatten_closes_every_position_and_leaves_nothing_working()
    {
        var h = new RiskHarness(Protected with { TakeProfit = new TakeProfitConfig(ProtectiveDistance.Percent(0.05m)) });
        h.Quote("3000.0", "3000.5");
        h.Quote(h.Btc.Id, "60000", "60001");
        h.Buy("0.500");
        h.Run(() => h.Strategy.Market(h.Btc.Id, OrderSide.Sell, "0.01000"));
        h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.100", "2900.0"));
        h.Venue.WorkingOrders().Count.ShouldBe(5);

        h.Run(() => { h.Manager.Halt("kill switch test", flatten: true); return 0; });

        h.Kernel.Cache.PositionsOpen().ShouldBeEmpty();
        h.Venue.NetPosition(h.Eth.Id).ShouldBe(0m);
        h.Venue.NetPosition(h.Btc.Id).ShouldBe(0m);
        h.Venue.WorkingOrders().ShouldBeEmpty();
        h.Kernel.Cache.OrdersOpenCount().ShouldBe(0);
        h.Manager.TradingState.ShouldBe(TradingState.Halted);
    }

    [Fact]
    public void The_daily_loss_limit_halts_trading_when_equity_falls_that_far_since_the_day_started()
    {
        var h = new RiskHarness(Protected with { DailyLossLimit = 100m, EquityCheckInterval = TimeSpan.FromMilliseconds(100) });
        h.Quote("3000.0", "3000.5");
        h.Buy("1.000");
        h.Manager.DayStartEquity.ShouldBe(10_000m);
        h.Quote("2920.0", "2920.5"); // unrealized ≈ −80.5, fee 1.35
        h.Advance(TimeSpan.FromMilliseconds(100));
        h.Manager.TradingState.ShouldBe(TradingState.Active);

        h.Quote("2900.0", "2900.5"); // ≈ −100.5 − 1.35
        h.Advance(TimeSpan.FromMilliseconds(100));

        h.Manager.TradingState.ShouldBe(TradingState.Halted);
        h.Buy("0.001").Status.ShouldBe(OrderStatus.Denied);
    }

    [Fact]
    public void The_daily_loss_is_measured_from_the_equity_at_the_start_of_each_utc_day()
    {
        long lateEvening = 1_764_028_000_000_000_000; // 2025-11-24 23:46:40 UTC
        var h = new RiskHarness(Protected with { DailyLossLimit = 100m }, start: lateEvening);
        h.Quote("3000.0", "3000.5");
        h.Buy("1.000");
        h.Quote("2950.0", "2950.5"); // −50 today
        h.Advance(TimeSpan.FromHours(1)); // past midnight: the new day starts from here
        h.Manager.DayStartEquity.ShouldNotBe(10_000m);
        h.Quote("2890.0", "2890.5"); // −110 since yesterday's start, −60 today
        h.Advance(TimeSpan.FromSeconds(1));
        h.Manager.TradingState.ShouldBe(TradingState.Active);
    }

    [Fact]
    public void The_max_drawdown_from_the_peak_moves_trading_to_reducing_only()
    {
        var h = new RiskHarness(Protected with { MaxDrawdown = 0.01m, DrawdownState = TradingState.Reducing });
        h.Quote("3000.0", "3000.5");
        h.Buy("1.000");
        h.Quote("3200.0", "3200.5"); // peak ≈ 10 198
        h.Advance(TimeSpan.FromSeconds(1));
        h.Manager.PeakEquity.ShouldNotBeNull().ShouldBeGreaterThan(10_190m);
        Order entry = h.Run(() => h.Strategy.Limit(h.Eth.Id, OrderSide.Buy, "0.100", "3000.0"));

        h.Quote("3090.0", "3090.5"); // ≈ −110 from the peak: > 1 %
        h.Advance(TimeSpan.FromSeconds(1));

        h.Manager.TradingState.ShouldBe(TradingState.Reducing);
        entry.Status.ShouldBe(OrderStatus.Canceled); // could add exposure
        h.Buy("0.100").Status.ShouldBe(OrderStatus.Denied);
        h.Sell("0.500").Status.ShouldBe(OrderStatus.Filled);
        h.Protection.IsProtected.ShouldBeTrue();
    }

    [Fact]
    public void A_halt_survives_a_restart_through_the_state_store()
    {
        var store = new InMemoryRiskStateStore();
        var first = new RiskHarness(Protected, store);
        first.Run(() => { first.Manager.Halt("manual halt before the weekend"); return 0; });
        store.Load().ShouldNotBeNull().TradingState.ShouldBe(TradingState.Halted);

        var second = new RiskHarness(Protected, store);

        second.Manager.TradingState.ShouldBe(TradingState.Halted);
        second.Quote("3000.0", "3000.5");
        second.Buy("0.100").Status.ShouldBe(OrderStatus.Denied);
        second.Run(() => { second.Manager.Resume("operator checked"); return 0; });
        second.Buy("0.100").Status.ShouldBe(OrderStatus.Filled);
        store.Load()!.TradingState.ShouldBe(TradingState.Active);
        new RiskHarness(Protected, store).Manager.TradingState.ShouldBe(TradingState.Active);
    }

    [Fact]
    public void The_kill_switch_only_escalates_until_an_operator_resumes()
    {
        var h = new RiskHarness(Protected with { MaxDrawdown = 0.01m, DrawdownState = TradingState.Reducing });
        h.Run(() => { h.Manager.Halt("manual"); return 0; });
        h.Quote("3000.0", "3000.5");
        h.Advance(TimeSpan.FromSeconds(2));
        h.Manager.TradingState.ShouldBe(TradingState.Halted);
    }
    [Fact]
    public void A_manual_state_in_the_config_applies_from_start_and_never_loosens_a_saved_halt()
    {
        var store = new InMemoryRiskStateStore();
        var h = new RiskHarness(Protected with { ManualState = TradingState.Halted }, store);

        h.Manager.TradingState.ShouldBe(TradingState.Halted);
        h.Quote("3000.0", "3000.5");
        h.Buy("0.100").Status.ShouldBe(OrderStatus.Denied);
        h.Strategy.Denied.ShouldHaveSingleItem().Reason.ShouldBe("trading is HALTED");
        store.Load().ShouldNotBeNull().Reason.ShouldBe("ManualState HALTED in the config");

        new RiskHarness(Protected with { ManualState = TradingState.Reducing }, new InMemoryRiskStateStore()).Manager.TradingState.ShouldBe(TradingState.Reducing);
        new RiskHarness(Protected with { ManualState = TradingState.Reducing }, store).Manager.TradingState.ShouldBe(TradingState.Halted); // never loosens a saved halt
    }
}
