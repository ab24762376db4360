using Halyard.Core.Model;
using Halyard.Hyperliquid.Ws;
using static Halyard.IntegrationTests.Live.LiveDataNode;

namespace Halyard.IntegrationTests.Live;

/// <summary>A trading node reading the simulator through the real data client over loopback sockets.</summary>
public class LiveDataTests
{
    [Fact]
    public async Task Subscriptions_for_BTC_and_ETH_deliver_instruments_quotes_trades_books_mark_prices_and_funding()
    {
        await using var live = await StartAsync(paused: false);
        DataRecordingStrategy s = live.Strategy;

        live.Node.Cache.Instrument(Btc).ShouldNotBeNull().PricePrecision.ShouldBe((byte)1);
        live.Node.Cache.Instrument(Eth).ShouldNotBeNull().SizePrecision.ShouldBe((byte)4);
        foreach (InstrumentId id in new[] { Btc, Eth })
        {
            await Until(() => s.Count(id, "quote") >= 3, $"quotes of {id}");
            await Until(() => s.Count(id, "trade") >= 1, $"trades of {id}");
            await Until(() => s.Count(id, "snapshot") >= 1 && s.Count(id, "diff") >= 3, $"book snapshot and diffs of {id}");
            await Until(() => s.Count(id, "book") >= 4, $"book updates of {id}");
            await Until(() => s.Count(id, "mark") >= 2 && s.Count(id, "funding") >= 2, $"mark prices and funding of {id}");
            s.Count(id, "snapshot").ShouldBe(1, "one snapshot, then diffs");
            s.Count(id, "crossed-quote").ShouldBe(0);
            s.Count(id, "bad-trade").ShouldBe(0);
            s.Count(id, "bad-last-flag").ShouldBe(0);
        }
        live.Client.MalformedFrames.ShouldBe(0);
        live.Metrics.FeedLatency.Snapshot().Count.ShouldBeGreaterThan(0);
        live.Metrics.FeedProcessing.Snapshot().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_strategy_book_built_from_our_deltas_equals_the_simulator_book_at_a_paused_market()
    {
        await using var live = await StartAsync(paused: true);
        await Until(() => live.Strategy.Count(Btc, "snapshot") >= 1 && live.Strategy.Count(Eth, "snapshot") >= 1, "first snapshots");
        await live.BookMatchesVenueAsync(Btc, "BTC");

        live.Sim.Step(5); // the maker requotes, the taker trades: diffs of every kind
        await Until(() => live.Strategy.Count(Btc, "diff") >= 1 && live.Strategy.Count(Eth, "diff") >= 1, "diffs after stepping");
        await live.BookMatchesVenueAsync(Btc, "BTC");
        await live.BookMatchesVenueAsync(Eth, "ETH");
        live.Strategy.Count(Btc, "snapshot").ShouldBe(1);
    }

    [Fact]
    public async Task A_dropped_WebSocket_reconnects_resubscribes_and_restarts_each_book_from_a_snapshot_that_matches()
    {
        await using var live = await StartAsync(paused: true);
        await Until(() => live.Strategy.Count(Btc, "snapshot") == 1 && live.Strategy.Count(Eth, "snapshot") == 1, "first snapshots");
        int subscriptions = live.Client.Subscriptions.Count;

        live.Sim.DropWebSockets();
        await Until(() => live.Client.Reconnects >= 1, "reconnect");
        await Until(() => live.Strategy.Count(Btc, "snapshot") >= 2 && live.Strategy.Count(Eth, "snapshot") >= 2, "fresh snapshots after the reconnect");
        live.Client.Subscriptions.Count.ShouldBe(subscriptions);
        live.Metrics.FeedLatency.Snapshot().Count.ShouldBeGreaterThan(0);

        live.Sim.Step(3);
        await live.BookMatchesVenueAsync(Btc, "BTC");
        await live.BookMatchesVenueAsync(Eth, "ETH");
        int quotes = live.Strategy.Count(Btc, "quote");
        live.Sim.Step(20);
        await Until(() => live.Strategy.Count(Btc, "quote") > quotes, "quotes keep flowing after the reconnect");
    }

    [Fact]
    public async Task Unsubscribing_quotes_stops_them_for_that_instrument_only()
    {
        await using var live = await StartAsync(paused: false);
        await Until(() => live.Strategy.Count(Btc, "quote") >= 2 && live.Strategy.Count(Eth, "quote") >= 2, "quotes of both");

        int btcQuotes = 0;
        await live.Node.Kernel.InvokeAsync(() =>
        {
            live.Strategy.UnsubscribeQuotes(Btc);
            btcQuotes = live.Strategy.Count(Btc, "quote");
        });
        await Until(() => !live.Client.Subscriptions.Contains(WsSubscription.Bbo("BTC")), "the bbo subscription is removed at the venue");
        long lastBtcQuote = await LastQuoteTsInitAsync(live, Btc);
        int ethQuotes = live.Strategy.Count(Eth, "quote");
        await Until(() => live.Strategy.Count(Eth, "quote") >= ethQuotes + 10, "ETH quotes keep coming");

        live.Strategy.Count(Btc, "quote").ShouldBe(btcQuotes, "no BTC quote reaches the strategy after the unsubscribe returned");
        (await LastQuoteTsInitAsync(live, Btc)).ShouldBe(lastBtcQuote, "the client posts no BTC quote into the kernel any more");
        live.Strategy.Count(Btc, "book").ShouldBeGreaterThan(0, "other BTC feeds continue");

        await live.Node.Kernel.InvokeAsync(() => live.Strategy.SubscribeQuotes(Btc));
        await Until(() => live.Strategy.Count(Btc, "quote") > btcQuotes, "BTC quotes come back after subscribing again");
    }

    private static async Task<long> LastQuoteTsInitAsync(LiveDataNode live, InstrumentId id)
    {
        long tsInit = 0;
        await live.Node.Kernel.InvokeAsync(() => tsInit = live.Node.Cache.TryGetQuote(id, out QuoteTick q) ? q.TsInit : 0);
        return tsInit;
    }
}
