using System.Globalization;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Core.Tests.Risk;
using Halyard.Samples;
using Halyard.Samples.Momentum;

namespace Halyard.Core.Tests.Strategies;

public sealed class EmaCrossStrategyTests
{
    private static (RiskHarness H, EmaCrossStrategy S) Start()
    {
        var eth = Testing.TestInstruments.Eth();
        SampleStrategies.TryCreate(SampleStrategies.Default, eth, 3000m, out Strategy? created).ShouldBeTrue();
        var strategy = created.ShouldBeOfType<EmaCrossStrategy>();
        var h = new RiskHarness(SampleStrategies.Risk, strategies: [strategy]);
        return (h, strategy);
    }

    private static void Mid(RiskHarness h, decimal mid)
    {
        string bid = (mid - 0.05m).ToString("0.0", CultureInfo.InvariantCulture);
        string ask = (mid + 0.05m).ToString("0.0", CultureInfo.InvariantCulture);
        h.Quote(bid, ask);
    }

    [Fact]
    public void It_goes_long_on_an_upward_cross_flips_short_on_a_downward_one_and_every_position_has_its_stop()
    {
        var (h, s) = Start();
        PositionId position = PositionId.Netting(h.Eth.Id, s.Id);
        decimal mid = 3000.05m;
        for (int i = 0; i < 30; i++) Mid(h, mid); // flat: the averages agree, no cross
        s.OrdersSubmitted.ShouldBe(0);

        for (int i = 0; i < 10 && s.OrdersSubmitted == 0; i++) Mid(h, mid += 1m);
        s.OrdersSubmitted.ShouldBe(1);
        Position longPosition = h.Kernel.Cache.Position(position).ShouldNotBeNull();
        longPosition.SignedQty.ShouldBe(0.033m); // $100 at ~3005
        h.Manager.ProtectionOf(position).ShouldNotBeNull().IsProtected.ShouldBeTrue();

        for (int i = 0; i < 5; i++) Mid(h, mid += 1m); // the trend goes on: no new order
        s.OrdersSubmitted.ShouldBe(1);

        for (int i = 0; i < 40 && s.OrdersSubmitted == 1; i++) Mid(h, mid -= 1m);
        s.OrdersSubmitted.ShouldBe(2);
        h.Kernel.Cache.Position(position).ShouldNotBeNull().SignedQty.ShouldBeLessThan(0m);
        h.Manager.ProtectionOf(position).ShouldNotBeNull().IsProtected.ShouldBeTrue();
        var stop = h.Venue.WorkingTriggers(h.Eth.Id).ShouldHaveSingleItem();
        stop.Side.ShouldBe(OrderSide.Buy);
        s.Crosses.ShouldBe(2);
    }

    [Fact]
    public void After_its_stop_closes_the_position_it_waits_for_the_next_cross()
    {
        var (h, s) = Start();
        decimal mid = 3000.05m;
        for (int i = 0; i < 30; i++) Mid(h, mid);
        for (int i = 0; i < 15; i++) Mid(h, mid += 10m); // a steep rise: long after the first quotes, the stop ~1 % under the entry
        s.OrdersSubmitted.ShouldBe(1, string.Join("; ", h.Kernel.Cache.Orders(strategyId: s.Id).Select(o => $"{o.Side} {o.Quantity} {o.OrderType} {o.Status} {string.Join(",", o.Tags ?? [])}")));
        Price stop = h.Venue.WorkingTriggers(h.Eth.Id).ShouldHaveSingleItem().Trigger;

        mid = stop.ToDecimal() - 1m; // through the stop in one jump, but the fast average stays above the slow one
        Mid(h, mid);
        s.Crosses.ShouldBe(1);
        h.Kernel.Cache.PositionsOpen(h.Eth.Id, s.Id).ShouldBeEmpty();
        h.Venue.WorkingOrders().ShouldBeEmpty();
        s.OrdersSubmitted.ShouldBe(1); // no re-entry on the same trend
        for (int i = 0; i < 30 && s.Crosses == 1; i++)
        {
            Mid(h, mid); // flat: the fast average falls to the price first, a cross down follows
            s.OrdersSubmitted.ShouldBe(s.Crosses);
        }
        s.Crosses.ShouldBe(2);
        h.Kernel.Cache.Position(PositionId.Netting(h.Eth.Id, s.Id)).ShouldNotBeNull().SignedQty.ShouldBeLessThan(0m);
    }

    [Fact]
    public void When_its_stop_and_a_flip_fill_in_the_same_instant_it_trims_back_to_one_entry()
    {
        var (h, s) = Start();
        decimal mid = 3000.05m;
        for (int i = 0; i < 30; i++) Mid(h, mid);
        for (int i = 0; i < 10 && s.OrdersSubmitted == 0; i++) Mid(h, mid += 1m);
        s.OrdersSubmitted.ShouldBe(1);

        Mid(h, mid -= 60m); // a cross down and the stop at once: the stop sells the long, the flip sells two entries
        PositionId position = PositionId.Netting(h.Eth.Id, s.Id);
        h.Kernel.Cache.Position(position).ShouldNotBeNull().SignedQty.ShouldBe(-0.066m);
        Mid(h, mid);
        h.Kernel.Cache.Position(position).ShouldNotBeNull().SignedQty.ShouldBe(-0.033m); // one entry at ~2946
        h.Manager.ProtectionOf(position).ShouldNotBeNull().IsProtected.ShouldBeTrue();
        h.Venue.WorkingTriggers(h.Eth.Id).ShouldHaveSingleItem().Leaves.ShouldBe(Quantity.Parse("0.033"));
    }

    [Fact]
    public void The_registry_lists_the_default_first_keeps_midcross_and_refuses_unknown_names()
    {
        SampleStrategies.Names.First().ShouldBe(SampleStrategies.Default);
        SampleStrategies.Names.ShouldContain("midcross");
        var eth = Testing.TestInstruments.Eth();
        SampleStrategies.TryCreate("MIDCROSS", eth, 3000m, out Strategy? midcross).ShouldBeTrue();
        midcross.ShouldBeOfType<Halyard.Samples.Backtest.MidCrossStrategy>();
        SampleStrategies.TryCreate("nope", eth, 3000m, out Strategy? none).ShouldBeFalse();
        none.ShouldBeNull();
        SampleStrategies.TryCreate(SampleStrategies.Default, eth, 3000m, out Strategy? ema).ShouldBeTrue();
        ema!.Id.Value.ShouldBe("EMACROSS-ETH");
        SampleStrategies.Risk.Validate().StopLoss.ShouldNotBeNull();
    }
}
