using Halyard.Core.Backtest;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Backtest.BacktestScenario;

namespace Halyard.Core.Tests.Backtest;

public class BacktestNodeTests
{
    private static List<object> Market()
    {
        var data = new List<object>();
        for (int i = 0; i < 200; i++)
        {
            long ts = T0 + i * Second / 2;
            decimal mid = 2000m + (i % 40 < 20 ? i % 20 : 20 - i % 20) * 0.5m;
            data.Add(Q(ts, (mid - 0.5m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), mid.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), "2", "2"));
            if (i % 3 == 0) data.Add(T(ts + 1, (mid - 1m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), "0.7", AggressorSide.Seller));
        }
        return data;
    }

    private static ScriptedStrategy Trader() => new(Eth.Id,
        (T0 + 1 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("1"), Px("2001.0")))),
        (T0 + 20 * Second, s => s.Submit(s.Orders.Market(s.Instrument, OrderSide.Sell, Qty("1.5")))),
        (T0 + 40 * Second, s => s.Submit(s.Orders.Limit(s.Instrument, OrderSide.Buy, Qty("0.5"), Px("2003.0")))),
        (T0 + 60 * Second, s => s.Submit(s.Orders.StopMarket(s.Instrument, OrderSide.Buy, Qty("0.2"), Px("2008.0")))));

    [Fact]
    public void Two_runs_of_the_same_inputs_give_byte_identical_results_and_trades()
    {
        BacktestResult first = new BacktestNode(Config(Market(), Trader())).Run(ct: TestContext.Current.CancellationToken);
        BacktestResult second = new BacktestNode(Config(Market(), Trader())).Run(ct: TestContext.Current.CancellationToken);

        first.Fills.Count.ShouldBeGreaterThan(2);
        BacktestReport.ToJson(second).ShouldBe(BacktestReport.ToJson(first));
        BacktestReport.ToCsv(second).ShouldBe(BacktestReport.ToCsv(first));
        BacktestReport.ToHtml(second).ShouldBe(BacktestReport.ToHtml(first));
    }

    [Fact]
    public void Results_add_up_fees_pnl_and_the_equity_curve()
    {
        BacktestResult r = new BacktestNode(Config(Market(), Trader())).Run(ct: TestContext.Current.CancellationToken);

        r.Fees.ShouldBe(r.Fills.Sum(f => f.Fee));
        r.FinalEquity.ShouldBe(r.EquityCurve[^1].Equity);
        (r.StartingBalance + r.RealizedPnl - r.Fees + r.Positions.Sum(p => p.UnrealizedPnl) - r.FundingPaid).ShouldBe(r.FinalEquity);
        r.MaxDrawdown.ShouldBeGreaterThanOrEqualTo(0m);
        r.EquityCurve.Select(e => e.TsNs).ShouldBeInOrder(SortDirection.Ascending);
        BacktestReport.ToHtml(r).ShouldContain("<svg id=\"equity\"");
        BacktestReport.ToCsv(r).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(r.Fills.Count + 1);
    }

    [Fact]
    public void Timers_fire_at_their_exact_times_before_data_of_the_same_time()
    {
        var strategy = new ScriptedStrategy(Eth.Id, (T0 + 2 * Second, _ => { }), (T0 + 3 * Second + 7, _ => { }));
        Run([Q(T0, "2000.0", "2000.5"), Q(T0 + 2 * Second, "2000.0", "2000.5"), Q(T0 + 5 * Second, "2000.0", "2000.5")], strategy);

        strategy.Alerts.ShouldBe([("step-0", T0 + 2 * Second), ("step-1", T0 + 3 * Second + 7)]);
        strategy.QuoteTimes.ShouldBe([T0, T0 + 2 * Second, T0 + 5 * Second]);
    }

    [Fact]
    public void Latency_delays_the_order_reaching_the_venue_and_the_events_reaching_the_strategy()
    {
        var strategy = new ScriptedStrategy(Eth.Id, (T0 + 1 * Second, s => s.Submit(s.Orders.Market(s.Instrument, OrderSide.Buy, Qty("1")))));
        (BacktestResult r, _) = Run([Q(T0, "2000.0", "2000.5"), Q(T0 + 1 * Second + 500, "2001.0", "2001.5"), Q(T0 + 5 * Second, "2001.0", "2001.5")],
            strategy, new LatencyModel(OrderToVenueNs: 1_000, VenueToStrategyNs: 2_000));

        r.Fills.Single().Price.ShouldBe(2001.5m);           // the quote that was live when the order arrived
        r.Fills.Single().TsNs.ShouldBe(T0 + 1 * Second + 1_000);
        strategy.Events.OfType<OrderFilled>().Single().TsEvent.ShouldBe(T0 + 1 * Second + 1_000);
    }

    [Fact]
    public void Config_errors_name_the_field()
    {
        BacktestConfig good = Config(Market(), Trader());
        Should.Throw<ArgumentException>(() => new BacktestNode(good with { Instruments = [] })).ParamName.ShouldBe("Instruments");
        Should.Throw<ArgumentException>(() => new BacktestNode(good with { EndNs = good.StartNs - 1 })).ParamName.ShouldBe("EndNs");
        Should.Throw<ArgumentException>(() => new BacktestNode(good with { StartingBalance = 0m })).ParamName.ShouldBe("StartingBalance");
        Should.Throw<ArgumentException>(() => new BacktestNode(good with { Latency = new LatencyModel(-1) })).Message.ShouldContain("OrderToVenueNs");
        Should.Throw<ArgumentException>(() => new BacktestNode(good with { Strategies = [] })).ParamName.ShouldBe("Strategies");
    }
}
