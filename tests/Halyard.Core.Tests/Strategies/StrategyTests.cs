using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Strategies;

public class StrategyTests
{
    private sealed class Watcher() : Strategy("Watcher-001")
    {
        public List<string> Seen { get; } = [];
        public InstrumentId? Instrument { get; set; }
        public BarType? Bars { get; set; }

        protected override void OnStart()
        {
            SubscribeQuotes(Instrument!);
            SubscribeTrades(Instrument!);
            SubscribeBook(Instrument!);
            SubscribeBookDeltas(Instrument!);
            SubscribeMarkPrices(Instrument!);
            SubscribeFundingRates(Instrument!);
            SubscribeBars(Bars!);
        }

        protected override void OnQuote(QuoteTick quote) => Seen.Add($"quote {quote.BidPrice}");
        protected override void OnTrade(TradeTick trade) => Seen.Add($"trade {trade.Price}");
        protected override void OnBook(OrderBook book) => Seen.Add($"book {book.BestBidPrice}");
        protected override void OnBookDeltas(OrderBookDeltas deltas) => Seen.Add($"deltas {deltas.Deltas.Count}");
        protected override void OnMarkPrice(MarkPriceUpdate mark) => Seen.Add($"mark {mark.Value}");
        protected override void OnFundingRate(FundingRateUpdate funding) => Seen.Add($"funding {funding.Rate}");
        protected override void OnBar(Bar bar) => Seen.Add($"bar {bar.Close}");
    }

    [Fact]
    public void Every_subscribed_kind_of_data_reaches_its_callback_and_stop_unsubscribes_all()
    {
        var watcher = new Watcher();
        var h = new KernelHarness(strategies: watcher);
        watcher.Instrument = h.Id;
        watcher.Bars = new BarType(h.Id, BarSpecification.Parse("1-MINUTE-LAST"));
        h.StartStrategies();
        long t = h.Clock.UtcNowNs;

        h.Venue.PushQuote(h.Id, "3000.0", "3000.5");
        h.Drain();
        h.Kernel.Process(new TradeTick(h.Id, Price.Parse("3000.2"), Quantity.Parse("1"), AggressorSide.Buyer, "t1", t, t));
        h.Kernel.Process(new OrderBookDeltas(h.Id, [new OrderBookDelta(h.Id, BookAction.Add,
            new BookOrder(OrderSide.Buy, Price.Parse("2999.9"), Quantity.Parse("2"), 0), RecordFlags.Last, 1, t, t)]));
        h.Kernel.Process(new MarkPriceUpdate(h.Id, Price.Parse("3000.1"), t, t));
        h.Kernel.Process(new FundingRateUpdate(h.Id, 0.0001m, null, t, t));
        h.Kernel.Process(new Bar(watcher.Bars, Price.Parse("1"), Price.Parse("2"), Price.Parse("1"), Price.Parse("2"), Quantity.Parse("3"), t, t));
        h.Drain();

        watcher.Seen.ShouldBe(["quote 3000.0", "trade 3000.2", "deltas 1", "book 2999.9", "mark 3000.1", "funding 0.0001", "bar 2"]);
        h.Venue.Calls.Where(c => c.StartsWith('+')).Count().ShouldBe(6); // book and deltas share one venue feed

        h.Kernel.StopStrategies();
        h.Venue.Calls.Where(c => c.StartsWith('-')).Count().ShouldBe(6);
        h.Kernel.Bus.HasSubscribers(TopicNames.Quotes(h.Id)).ShouldBeFalse();
        h.Venue.PushQuote(h.Id, "3001.0", "3001.5");
        h.Drain();
        watcher.Seen.Count.ShouldBe(7);
    }

    [Fact]
    public void A_strategy_cannot_submit_another_strategys_order()
    {
        var a = new LimitStrategy("A-001");
        var b = new LimitStrategy("B-001");
        var h = new KernelHarness(strategies: [a, b]);
        h.StartStrategies();
        Order order = a.Buy(h.Id, "0.010", "2990.0");
        Should.Throw<ArgumentException>(() => b.SubmitOrder(order)).Message.ShouldContain("belongs to strategy A-001");
    }

    [Fact]
    public void Each_strategy_hears_only_its_own_order_events()
    {
        var a = new LimitStrategy("A-001");
        var b = new LimitStrategy("B-001");
        var h = new KernelHarness(strategies: [a, b]);
        h.StartStrategies();
        a.Buy(h.Id, "0.010", "2990.0");
        h.Drain();
        a.Events.Count.ShouldBe(2); // submitted, accepted
        b.Events.ShouldBeEmpty();
    }
}
