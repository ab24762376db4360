using Halyard.Core.Matching;
using Halyard.Core.Model;
using static Halyard.Core.Tests.Matching.MatchingFixture;

namespace Halyard.Core.Tests.Matching;

public class DeterminismTests
{
    private static readonly string[] Accounts = [Alice, Bob, Carol, "0xdan", "0xeve"];

    /// <summary>Replays a seeded random mix of orders, cancels, modifies and mark moves; checks invariants after each step.</summary>
    private static MatchingFixture Run(int seed, int steps)
    {
        var f = new MatchingFixture();
        f.Engine.Ledger.Deposit("0xdan", 1_000_000m);
        f.Engine.Ledger.Deposit("0xeve", 1_000_000m);
        var random = new Random(seed);
        var live = new List<long>();
        for (int i = 0; i < steps; i++)
        {
            string account = Accounts[random.Next(Accounts.Length)];
            OrderSide side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            decimal px = 1990m + random.Next(0, 201) / 10m;
            decimal sz = random.Next(1, 50) / 10m;
            int action = random.Next(100);
            if (action < 55)
            {
                var tif = (MatchingTif)random.Next(1, 4);
                PlaceResult r = f.Engine.Place(new MatchingOrder(account, Coin, side, Raw(px), Raw(sz), tif, random.Next(10) == 0), f.Tick());
                if (r.Outcome == PlaceOutcome.Resting) live.Add(r.Oid);
            }
            else if (action < 62)
            {
                var trigger = new OrderTrigger(Raw(px), random.Next(2) == 0, random.Next(2) == 0 ? TpSl.Tp : TpSl.Sl);
                PlaceResult r = f.Engine.Place(new MatchingOrder(account, Coin, side, Raw(px), Raw(sz), MatchingTif.Gtc, false, null, trigger), f.Tick());
                if (!r.IsError) live.Add(r.Oid);
            }
            else if (action < 66)
            {
                // A parent with a take-profit and a stop on the other side (exercises grouped children).
                OrderSide other = side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
                decimal up = px + 5m, down = px - 5m;
                MatchingOrder[] children =
                [
                    new(account, Coin, other, Raw(side == OrderSide.Buy ? up : down), Raw(sz), MatchingTif.Gtc, true, null,
                        new OrderTrigger(Raw(side == OrderSide.Buy ? up : down), false, TpSl.Tp)),
                    new(account, Coin, other, Raw(side == OrderSide.Buy ? down - 5m : up + 5m), Raw(sz), MatchingTif.Gtc, true, null,
                        new OrderTrigger(Raw(side == OrderSide.Buy ? down : up), true, TpSl.Sl)),
                ];
                PlaceResult[] results = f.Engine.PlaceNormalTpsl(new MatchingOrder(account, Coin, side, Raw(px), Raw(sz)), children, f.Tick());
                foreach (PlaceResult r in results)
                    if (r.Outcome is PlaceOutcome.Resting or PlaceOutcome.WaitingForTrigger) live.Add(r.Oid);
            }
            else if (action < 85 && live.Count > 0)
            {
                int k = random.Next(live.Count);
                long oid = live[k];
                live.RemoveAt(k);
                if (f.Engine.TryGetOrder(oid, out OpenOrder o)) f.Engine.Cancel(o.Account, Coin, oid, f.Tick()).IsSuccess.ShouldBeTrue();
            }
            else if (action < 93 && live.Count > 0)
            {
                long oid = live[random.Next(live.Count)];
                if (f.Engine.TryGetOrder(oid, out OpenOrder o) && o.Trigger is null)
                {
                    PlaceResult r = f.Engine.Modify(o.Account, oid, new MatchingOrder(o.Account, Coin, o.Side, Raw(px), Raw(sz)), f.Tick());
                    if (r.Outcome == PlaceOutcome.Resting) live.Add(r.Oid);
                }
            }
            else
            {
                f.Mark(px);
            }
            CheckInvariants(f);
        }
        return f;
    }

    private static void CheckInvariants(MatchingFixture f)
    {
        MatchingBook book = f.Engine.GetBook(Coin);
        if (book.BestBidPxRaw != 0 && book.BestAskPxRaw != 0) book.BestBidPxRaw.ShouldBeLessThan(book.BestAskPxRaw);
        foreach (OrderSide side in new[] { OrderSide.Buy, OrderSide.Sell })
        {
            var orders = new List<OpenOrder>();
            book.CopyOrders(side, orders);
            var levels = new MatchingBookLevel[1000];
            int n = book.CopyLevels(side, levels);
            levels[..n].Sum(l => l.SzRaw).ShouldBe(orders.Sum(o => o.SzRaw));
            levels[..n].Sum(l => l.Count).ShouldBe(orders.Count);
            orders.ShouldAllBe(o => o.SzRaw > 0);
        }
        Accounts.Sum(a => f.Engine.Ledger.PositionSziRaw(a, Coin)).ShouldBe(0L); // every trade has two sides
        Accounts.Sum(a => f.Engine.OpenOrderCount(a)).ShouldBe(f.Engine.LiveOrderCount);
    }

    [Fact]
    public void Same_input_sequence_produces_identical_fills_and_updates()
    {
        MatchingFixture first = Run(seed: 42, steps: 3000);
        MatchingFixture second = Run(seed: 42, steps: 3000);

        first.Log.Fills.Count.ShouldBeGreaterThan(100);
        second.Log.Fills.ShouldBe(first.Log.Fills);
        second.Log.Updates.ShouldBe(first.Log.Updates);
        foreach (string account in Accounts)
            second.Engine.Ledger.Snapshot(account).AccountValue.ShouldBe(first.Engine.Ledger.Snapshot(account).AccountValue);
    }

    [Fact]
    public void Cash_changes_equal_realized_pnl_minus_fees_over_a_random_session()
    {
        MatchingFixture f = Run(seed: 7, steps: 2000);
        foreach (string account in Accounts)
        {
            decimal pnl = 0m, fees = 0m;
            foreach (Fill fill in f.Log.Fills)
            {
                if (fill.TakerAccount == account) { pnl += fill.TakerClosedPnl; fees += fill.TakerFee; }
                if (fill.MakerAccount == account) { pnl += fill.MakerClosedPnl; fees += fill.MakerFee; }
            }
            f.Engine.Ledger.Cash(account).ShouldBe(1_000_000m + pnl - fees);
        }
    }
}
