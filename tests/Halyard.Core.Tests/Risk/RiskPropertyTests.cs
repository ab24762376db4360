using System.Globalization;
using Halyard.Core.Model;
using Halyard.Core.Risk;

namespace Halyard.Core.Tests.Risk;

/// <summary>
/// Property-style runs: seeded random sequences of orders, quotes (with jumps that fire stops), cancels and venue
/// faults (stops rejected, canceled or partly filled by the venue, modifies refused). After every step the venue's
/// own state is checked: a position without a working stop for its whole size is alerted within the protection
/// timeout (never unprotected at all without faults), and no limit is ever exceeded.
/// </summary>
public sealed class RiskPropertyTests
{
    private const int Steps = 2_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly RiskManagerConfig Config = new()
    {
        StopLoss = ProtectiveDistance.Percent(0.02m),
        ProtectionTimeout = Timeout,
        RetryDelay = TimeSpan.FromMilliseconds(200),
        MaxPositionSize = 1m,
        MaxPositionNotional = 2_500m,
        MaxOrderNotional = 1_500m,
        MaxOpenOrders = 6,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void With_venue_faults_a_position_is_never_unprotected_past_the_timeout_without_an_alert_and_no_limit_is_exceeded(int seed)
    {
        Run run = new(seed, faults: true);
        run.Execute();
        run.Fills.ShouldBeGreaterThan(50);
        run.StopFills.ShouldBeGreaterThan(0);
        run.Denials.ShouldBeGreaterThan(0);
        run.Submitted.ShouldBeGreaterThan(100);
        run.UnprotectedEpisodes.ShouldBeGreaterThan(0, "the faults did leave positions unprotected");
        run.Harness.Alerts.ShouldNotBeEmpty("outages longer than the timeout raised alerts");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Without_faults_every_position_has_its_stop_after_every_step_and_no_alert_fires(int seed)
    {
        Run run = new(seed, faults: false);
        run.Execute();
        run.Fills.ShouldBeGreaterThan(50);
        run.StopFills.ShouldBeGreaterThan(0);
        run.UnprotectedEpisodes.ShouldBe(0);
        run.Harness.Alerts.ShouldBeEmpty();
    }

    private sealed class Run(int seed, bool faults)
    {
        private readonly Random _random = new(seed);
        private long _bidTicks = 30_000; // 3000.0
        private long? _unprotectedSince;
        private long _outageUntil;
        private decimal _net;
        private int _seenEvents;

        public RiskHarness Harness { get; } = new(Config);
        public int Fills { get; private set; }
        public int StopFills { get; private set; }
        public int Denials { get; private set; }
        public int UnprotectedEpisodes { get; private set; }
        private InstrumentId Eth => Harness.Eth.Id;
        private long Now => Harness.Clock.UtcNowNs;

        public void Execute()
        {
            Harness.Strategy.OnEvent = e =>
            {
                if (e is OrderSubmitted) CheckSubmitted(Harness.Kernel.Cache.Order(e.ClientOrderId).ShouldNotBeNull());
            };
            if (faults)
                Harness.Venue.RejectOrders = o => RiskTags.IsRiskOrder(o) && (Now < _outageUntil || _random.NextDouble() < 0.3) ? "simulated: stop rejected" : null;
            Quote();
            for (int step = 0; step < Steps; step++)
            {
                Act();
                Check(step);
            }
        }

        private void Act()
        {
            int action = _random.Next(100);
            if (action < 30)
            {
                _bidTicks += _random.Next(-20, 21);
                if (_random.Next(50) == 0) _bidTicks += (_random.Next(2) == 0 ? -1 : 1) * _random.Next(600, 1000); // 2–3 %: stops fire
                Quote();
            }
            else if (action < 45) Harness.Run(() => Harness.Strategy.Market(Eth, RandomSide(), RandomQty()));
            else if (action < 60)
            {
                OrderSide side = RandomSide();
                long ticks = side == OrderSide.Buy ? _bidTicks - _random.Next(1, 600) : _bidTicks + 1 + _random.Next(1, 600); // up to 2 % away: jumps fill them
                Harness.Run(() => Harness.Strategy.Limit(Eth, side, RandomQty(), Px(ticks)));
            }
            else if (action < 68)
            {
                var open = Harness.Kernel.Cache.OrdersOpen(Eth).Where(o => !RiskTags.IsRiskOrder(o)).ToList();
                if (open.Count > 0) Harness.Run(() => { Harness.Strategy.Cancel(open[_random.Next(open.Count)]); return 0; });
            }
            else if (faults && action < 74)
            {
                var stops = Harness.Venue.WorkingTriggers(Eth);
                if (stops.Count > 0) Harness.Venue.CancelByVenue(stops[_random.Next(stops.Count)].Id);
                Harness.Drain();
            }
            else if (faults && action < 78)
            {
                var stops = Harness.Venue.WorkingTriggers(Eth);
                if (stops.Count > 0 && stops[0].Leaves.Raw > Harness.Eth.SizeIncrement.Raw)
                {
                    long lots = stops[0].Leaves.Raw / Harness.Eth.SizeIncrement.Raw;
                    Harness.Venue.FillPartially(stops[0].Id, Quantity.FromRaw(Harness.Eth.SizeIncrement.Raw * _random.Next(1, (int)Math.Min(lots, 1000)), 3));
                    Harness.Drain();
                }
            }
            else if (faults && action < 80) Harness.Venue.RejectModifies = !Harness.Venue.RejectModifies;
            else if (faults && action < 82) _outageUntil = Now + _random.Next(1_000, 4_000) * 1_000_000L; // every stop refused for 1–4 s
            else Harness.Advance(TimeSpan.FromMilliseconds(_random.Next(0, 800)));
        }

        private void Quote() => Harness.Quote(Px(_bidTicks), Px(_bidTicks + 1));

        private OrderSide RandomSide() => _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;

        /// <summary>0.001 to 0.8 ETH: from below the venue minimum to over every limit.</summary>
        private string RandomQty() => (_random.Next(1, 801) / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

        private static string Px(long ticks) => (ticks / 10m).ToString("0.0", CultureInfo.InvariantCulture);

        /// <summary>
        /// The limits' definition, checked as each order leaves the node: an order that can add exposure keeps the
        /// position, if it and every open order of its side filled, within the size limit, and worth less than the
        /// limits at the worst price any of them can fill at (limit prices, the touch for market orders).
        /// </summary>
        private void CheckSubmitted(Order order)
        {
            if (RiskTags.IsRiskOrder(order)) return;
            var cache = Harness.Kernel.Cache;
            var sameSide = cache.OrdersOpen(Eth).Concat(cache.OrdersInflight(Eth)).Distinct()
                .Where(o => o.Side == order.Side && o.ClientOrderId != order.ClientOrderId && !o.ReduceOnly && o.Status != OrderStatus.PendingCancel).ToList();
            decimal net = cache.NetPosition(Eth);
            decimal pending = sameSide.Sum(o => o.LeavesQty.ToDecimal());
            bool reduces = net != 0 && (net > 0) != (order.Side == OrderSide.Buy) && order.Quantity.ToDecimal() + pending <= Math.Abs(net);
            if (reduces) return;
            cache.TryGetQuote(Eth, out QuoteTick quote).ShouldBeTrue();
            decimal touch = (order.Side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice).ToDecimal();
            decimal orderPx = order.Price is Price limit ? (order.Side == OrderSide.Sell ? Math.Max(limit.ToDecimal(), touch) : limit.ToDecimal()) : touch;
            decimal worstPx = sameSide.Select(o => o.Price?.ToDecimal() ?? touch).Append(orderPx).Max();
            decimal projected = Math.Abs(net + (order.Side == OrderSide.Buy ? 1 : -1) * (order.Quantity.ToDecimal() + pending));
            string what = $"seed {seed}: {order.ClientOrderId} {order.Side} {order.Quantity} @ {orderPx} with {pending} open on its side, position {net}";
            projected.ShouldBeLessThanOrEqualTo(Config.MaxPositionSize!.Value, what);
            (order.Quantity.ToDecimal() * orderPx).ShouldBeLessThanOrEqualTo(Config.MaxOrderNotional!.Value, what);
            (projected * worstPx).ShouldBeLessThanOrEqualTo(Config.MaxPositionNotional!.Value, what);
            Submitted++;
        }

        public int Submitted { get; private set; }

        private void Check(int step)
        {
            string at = $"seed {seed} step {step} at {Now}";
            decimal venueNet = Harness.Venue.NetPosition(Eth);

            // ── limits, on what the venue holds and on every fill ──
            Math.Abs(venueNet).ShouldBeLessThanOrEqualTo(Config.MaxPositionSize!.Value, at);
            int working = Harness.Venue.WorkingOrders().Count(o => !o.Contains("reduce-only", StringComparison.Ordinal));
            working.ShouldBeLessThanOrEqualTo(Config.MaxOpenOrders!.Value, at);
            var events = Harness.Strategy.Events;
            for (; _seenEvents < events.Count; _seenEvents++)
            {
                switch (events[_seenEvents])
                {
                    case OrderDenied:
                        Denials++;
                        break;
                    case OrderFilled fill:
                        Fills++;
                        Order order = Harness.Kernel.Cache.Order(fill.ClientOrderId).ShouldNotBeNull();
                        decimal before = _net;
                        _net += (fill.OrderSide == OrderSide.Buy ? 1 : -1) * fill.LastQty.ToDecimal();
                        if (RiskTags.IsRiskOrder(order))
                        {
                            StopFills++;
                            Math.Abs(_net).ShouldBeLessThanOrEqualTo(Math.Abs(before), $"{at}: a protective order added exposure");
                        }
                        else if (Math.Abs(_net) > Math.Abs(before) || Math.Sign(_net) == -Math.Sign(before))
                        {
                            decimal px = fill.LastPx.ToDecimal();
                            (order.Quantity.ToDecimal() * px).ShouldBeLessThanOrEqualTo(Config.MaxOrderNotional!.Value, $"{at}: order {order.ClientOrderId}");
                            (Math.Abs(_net) * px).ShouldBeLessThanOrEqualTo(Config.MaxPositionNotional!.Value, $"{at}: position after {order.ClientOrderId}");
                        }
                        break;
                }
            }
            _net.ShouldBe(venueNet, at);

            // ── protection, on the venue's working stops ──
            decimal covered = Harness.Venue.WorkingTriggers(Eth)
                .Where(t => (t.Side == OrderSide.Sell) == (venueNet > 0) && Harness.Kernel.Cache.Order(t.Id)?.Tags?.Contains(RiskTags.StopLoss) == true)
                .Sum(t => t.Leaves.ToDecimal());
            bool unprotected = venueNet != 0 && covered < Math.Abs(venueNet);
            if (unprotected)
            {
                if (_unprotectedSince is null) UnprotectedEpisodes++;
                _unprotectedSince ??= Now;
            }
            long since = _unprotectedSince ?? Now;
            long deadline = since + Timeout.Ticks * 100;
            if (unprotected && Now > deadline)
            {
                // Unprotected for longer than the timeout: the alert must have gone out, at the timeout.
                string context = $"{at}: unprotected since {since}; alerts {string.Join(", ", Harness.Alerts.Select(a => $"{a.TsEvent} (since {a.UnprotectedSinceNs})"))}; manager: {Harness.Manager.ProtectionOf(Harness.EthPosition)}; venue: {venueNet} and {string.Join("; ", Harness.Venue.WorkingOrders())}; node: {Harness.Position}";
                PositionUnprotected alert = Harness.Alerts.FirstOrDefault(a => a.TsEvent >= since).ShouldNotBeNull(context);
                alert.TsEvent.ShouldBeLessThanOrEqualTo(deadline + 1_000_000, context);
            }
            if (!unprotected) _unprotectedSince = null;
        }
    }
}
