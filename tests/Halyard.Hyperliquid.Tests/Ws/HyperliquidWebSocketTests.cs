using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Tests.LocalServers;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Ws;

namespace Halyard.Hyperliquid.Tests.Ws;

public sealed class HyperliquidWebSocketTests
{
    private static readonly string L2BookFrame = Encoding.UTF8.GetString(FixtureFiles.Bytes("ws_l2Book.message.json"));
    private readonly ConcurrentQueue<WsChannel> _channels = new();
    private readonly BookSnapshotBuffer _book = new();
    private int _booksParsed;

    private HyperliquidWebSocket Client(FakeVenueSocket venue, TimeSpan? ping = null, TimeSpan? stale = null) => new(new HyperliquidWebSocketOptions
    {
        Url = venue.Url,
        PingInterval = ping ?? TimeSpan.FromMilliseconds(300), // pongs may lag on a loaded CI machine: 2 missed = 600 ms
        StaleAfter = stale ?? TimeSpan.FromSeconds(2),
        MaxMissedPongs = 2,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        PostTimeout = TimeSpan.FromSeconds(2),
    }, OnMessage);

    private void OnMessage(WsChannel channel, ReadOnlySpan<byte> frame)
    {
        _channels.Enqueue(channel);
        if (channel == WsChannel.L2Book && MarketFrameReader.TryParseL2Book(frame, _book, out _)) Interlocked.Increment(ref _booksParsed);
    }

    private static async Task WaitUntil(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for: {what}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribes_receives_books_and_keeps_the_connection_alive_with_pings()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            await FakeVenueSocket.AnswerLikeTheVenue(session, frame);
            if (frame.Contains("\"subscribe\"", StringComparison.Ordinal)) await session.SendAsync(L2BookFrame);
        });
        await using var client = Client(venue);
        await client.StartAsync(Ct);
        await client.SubscribeAsync(WsSubscription.L2Book("BTC"), Ct);

        await WaitUntil(() => _booksParsed == 1, "one book");
        _book.Coin.ShouldBe("BTC");
        _book.BidCount.ShouldBe(3);
        _channels.ShouldContain(WsChannel.SubscriptionResponse);
        venue.Sessions[0].ReceivedWithMethod("subscribe").ShouldHaveSingleItem().ShouldBe("""{"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC"}}""");

        await WaitUntil(() => venue.Sessions[0].ReceivedWithMethod("ping").Count() >= 5, "five pings");
        client.State.ShouldBe(WsConnectionState.Connected);
        client.Reconnects.ShouldBe(0);
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_resubscribes_everything_and_reports_the_gap()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            await FakeVenueSocket.AnswerLikeTheVenue(session, frame);
            if (session.Index == 0 && session.ReceivedWithMethod("subscribe").Count() == 3) session.Drop();
        });
        await using var client = Client(venue);
        var gaps = new ConcurrentQueue<WsReconnected>();
        client.Reconnected += gaps.Enqueue;
        await client.StartAsync(Ct);
        await client.SubscribeAsync(WsSubscription.L2Book("BTC"), Ct);
        await client.SubscribeAsync(WsSubscription.Trades("ETH"), Ct);
        await client.SubscribeAsync(WsSubscription.UserFills("0x5E9EE1089755C3435139848E47E6635505D5A13A"), Ct);

        await WaitUntil(() => gaps.Count == 1, "a reconnect");
        var gap = gaps.Single();
        gap.Resubscribed.ShouldBe(3);
        gap.Gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        await WaitUntil(() => venue.Sessions.Count == 2 && venue.Sessions[1].ReceivedWithMethod("subscribe").Count() == 3, "resubscriptions");
        venue.Sessions[1].ReceivedWithMethod("subscribe").ShouldBe(venue.Sessions[0].ReceivedWithMethod("subscribe"), ignoreOrder: true);
        client.State.ShouldBe(WsConnectionState.Connected);
    }

    [Fact]
    public async Task A_stalled_server_is_declared_dead_and_replaced()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (session.Index > 0) await FakeVenueSocket.AnswerLikeTheVenue(session, frame); // the first one never answers again
        }, onConnect: s => s.Index == 0 ? s.SendAsync("Websocket connection established.") : Task.CompletedTask);
        await using var client = Client(venue);
        var reasons = new ConcurrentQueue<string>();
        client.Disconnected += reasons.Enqueue;
        await client.StartAsync(Ct);
        await client.SubscribeAsync(WsSubscription.Bbo("BTC"), Ct);

        await WaitUntil(() => client.Reconnects == 1, "the stall to be detected", seconds: 5);
        reasons.Single().ShouldContain("pings unanswered");
        await WaitUntil(() => venue.Sessions[1].ReceivedWithMethod("subscribe").Any(), "bbo resubscribed");
        await Task.Delay(500, Ct);
        client.Reconnects.ShouldBe(1, "the second connection answers pings and must stay up");
    }

    [Fact]
    public async Task Garbage_non_json_and_throwing_handlers_never_break_the_connection()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (await FakeVenueSocket.AnswerLikeTheVenue(session, frame) && frame.Contains("subscribe", StringComparison.Ordinal))
            {
                await session.SendAsync("Websocket connection established.");
                await session.SendAsync("{{{ not json");
                await session.SendAsync([0xff, 0x00, 0x13], WebSocketMessageType.Binary);
                await session.SendAsync("""{"channel":"post","data":{"id":"x"}}""");
                await session.SendAsync("""{"channel":"mystery","data":[1,2,3]}""");
                await session.SendAsync("""{"channel":"l2Book","data":{"coin":"BTC","time":"yesterday","levels":[]}}""");
                await session.SendAsync(L2BookFrame);
            }
        });
        int calls = 0;
        await using var client = new HyperliquidWebSocket(new HyperliquidWebSocketOptions { Url = venue.Url, PingInterval = TimeSpan.FromSeconds(1) }, (channel, frame) =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("consumer bug");
            OnMessage(channel, frame);
        });
        await client.StartAsync(Ct);
        await client.SubscribeAsync(WsSubscription.L2Book("BTC"), Ct);

        await WaitUntil(() => _booksParsed == 1, "the valid book after the garbage");
        client.NonJsonFrames.ShouldBeGreaterThanOrEqualTo(4);
        client.HandlerFailures.ShouldBe(1);
        _channels.ShouldContain(WsChannel.Unknown);
        client.Reconnects.ShouldBe(0);
        client.State.ShouldBe(WsConnectionState.Connected);
    }

    [Fact]
    public async Task Post_answers_out_of_order_are_matched_by_id()
    {
        var posts = new ConcurrentQueue<(FakeVenueSocket.Session Session, long Id, string Coin)>();
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (await FakeVenueSocket.AnswerLikeTheVenue(session, frame)) return;
            using var doc = JsonDocument.Parse(frame);
            posts.Enqueue((session, doc.RootElement.GetProperty("id").GetInt64(),
                doc.RootElement.GetProperty("request").GetProperty("payload").GetProperty("coin").GetString()!));
            if (posts.Count < 2) return;
            foreach (var (s, id, coin) in posts.Reverse()) // answer the second post first
                await s.SendAsync("{\"channel\":\"post\",\"data\":{\"id\":" + id + ",\"response\":{\"type\":\"info\",\"payload\":{\"type\":\"l2Book\",\"data\":{\"coin\":\"" + coin + "\",\"time\":" + id + ",\"levels\":[[{\"px\":\"1.5\",\"sz\":\"2\",\"n\":1}],[]]}}}}}");
        });
        await using var client = Client(venue);
        await client.StartAsync(Ct);

        var btc = client.PostInfoAsync(InfoRequestBody.L2Book("BTC"), HyperliquidJsonContext.Default.L2BookSnapshot, ct: Ct);
        await WaitUntil(() => posts.Count == 1, "the first post to arrive");
        var eth = client.PostInfoAsync(InfoRequestBody.L2Book("ETH"), HyperliquidJsonContext.Default.L2BookSnapshot, ct: Ct);

        (await btc).Value.Coin.ShouldBe("BTC");
        (await eth).Value.Coin.ShouldBe("ETH");
        posts.Select(p => p.Id).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_post_answered_too_late_times_out_and_the_late_answer_is_dropped()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (await FakeVenueSocket.AnswerLikeTheVenue(session, frame)) return;
            using var doc = JsonDocument.Parse(frame);
            long id = doc.RootElement.GetProperty("id").GetInt64();
            string answer = """{"channel":"post","data":{"id":""" + id + ""","response":{"type":"action","payload":{"status":"ok","response":{"type":"default"}}}}}""";
            if (id == 1) _ = Task.Delay(600).ContinueWith(_ => session.SendAsync(answer));
            else await session.SendAsync(answer);
        });
        await using var client = Client(venue);
        await client.StartAsync(Ct);

        var late = await client.PostActionAsync("""{"action":{"type":"noop"},"nonce":1}"""u8.ToArray(), TimeSpan.FromMilliseconds(150), Ct);
        late.Error!.Kind.ShouldBe(ApiErrorKind.Timeout);
        late.Error.MayHaveExecuted.ShouldBeTrue();

        await Task.Delay(700, Ct); // the late answer arrives with nobody waiting
        var next = await client.PostActionAsync("""{"action":{"type":"noop"},"nonce":2}"""u8.ToArray(), HyperliquidJsonContext.Default.ExchangeResponse, ct: Ct);
        next.Value.IsOk.ShouldBeTrue();
        client.Reconnects.ShouldBe(0);
    }

    [Fact]
    public async Task A_post_that_is_never_answered_times_out()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) => await FakeVenueSocket.AnswerLikeTheVenue(session, frame));
        await using var client = Client(venue);
        await client.StartAsync(Ct);
        var result = await client.PostInfoAsync(InfoRequestBody.AllMids(), TimeSpan.FromMilliseconds(200), Ct);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Timeout);
        result.Error.Message.ShouldContain("no answer within 0.2 s");
    }

    [Fact]
    public async Task Post_errors_become_rejections_and_rate_limits()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (await FakeVenueSocket.AnswerLikeTheVenue(session, frame)) return;
            using var doc = JsonDocument.Parse(frame);
            long id = doc.RootElement.GetProperty("id").GetInt64();
            if (id == 1) await session.SendAsync("""{"channel":"post","data":{"id":""" + id + ""","response":{"type":"error","payload":"429 Too Many Requests"}}}""");
            else await session.SendAsync("""{"channel":"error","data":"Error parsing JSON into valid websocket request: id=""" + id + "\"}");
        });
        await using var client = Client(venue);
        var serverErrors = new ConcurrentQueue<string>();
        client.ServerError += serverErrors.Enqueue;
        await client.StartAsync(Ct);

        (await client.PostInfoAsync(InfoRequestBody.AllMids(), ct: Ct)).Error!.Kind.ShouldBe(ApiErrorKind.RateLimited);
        var rejected = await client.PostInfoAsync(InfoRequestBody.AllMids(), ct: Ct);
        rejected.Error!.Kind.ShouldBe(ApiErrorKind.Rejected);
        rejected.Error.Message.ShouldEndWith("id=2");
        serverErrors.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Posts_in_flight_fail_at_once_when_the_connection_drops()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (!await FakeVenueSocket.AnswerLikeTheVenue(session, frame)) session.Drop();
        });
        await using var client = Client(venue);
        await client.StartAsync(Ct);
        var started = DateTime.UtcNow;
        var result = await client.PostInfoAsync(InfoRequestBody.AllMids(), TimeSpan.FromSeconds(30), Ct);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Transport);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        await WaitUntil(() => client.State == WsConnectionState.Connected && client.Reconnects == 1, "reconnected");
    }

    [Fact]
    public async Task Unsubscribing_sends_the_same_object_and_it_is_not_resubscribed()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            await FakeVenueSocket.AnswerLikeTheVenue(session, frame);
            if (session.Index == 0 && frame.Contains("unsubscribe", StringComparison.Ordinal)) session.Drop();
        });
        await using var client = Client(venue);
        await client.StartAsync(Ct);
        var candle = WsSubscription.Candle("BTC", "1m");
        await client.SubscribeAsync(candle, Ct);
        await client.SubscribeAsync(WsSubscription.AllMids(), Ct);
        await client.UnsubscribeAsync(candle, Ct);

        await WaitUntil(() => client.Reconnects == 1 && venue.Sessions.Count == 2 && venue.Sessions[1].ReceivedWithMethod("subscribe").Any(), "reconnect");
        venue.Sessions[0].ReceivedWithMethod("unsubscribe").Single().ShouldBe("""{"method":"unsubscribe","subscription":{"type":"candle","coin":"BTC","interval":"1m"}}""");
        venue.Sessions[1].ReceivedWithMethod("subscribe").ShouldBe(["""{"method":"subscribe","subscription":{"type":"allMids"}}"""]);
        client.Subscriptions.ShouldBe([WsSubscription.AllMids()]);
    }

    [Fact]
    public async Task A_post_before_connecting_is_not_connected_and_an_unreachable_venue_keeps_retrying()
    {
        var venue = await FakeVenueSocket.StartAsync((_, _) => Task.CompletedTask);
        var url = venue.Url;
        await venue.DisposeAsync();
        await using var client = new HyperliquidWebSocket(new HyperliquidWebSocketOptions
        {
            Url = url,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        }, OnMessage);
        (await client.PostInfoAsync(InfoRequestBody.AllMids(), ct: Ct)).Error!.Kind.ShouldBe(ApiErrorKind.NotConnected);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Should.ThrowAsync<OperationCanceledException>(() => client.StartAsync(giveUp.Token));
        client.State.ShouldBeOneOf(WsConnectionState.Connecting, WsConnectionState.Reconnecting);
    }

    [Fact]
    public async Task Posts_beyond_the_in_flight_cap_wait_for_a_slot_and_say_so_when_none_frees()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) => await FakeVenueSocket.AnswerLikeTheVenue(session, frame));
        await using var client = new HyperliquidWebSocket(new HyperliquidWebSocketOptions { Url = venue.Url, MaxInFlightPosts = 1 }, OnMessage);
        await client.StartAsync(Ct);
        var first = client.PostInfoAsync(InfoRequestBody.AllMids(), TimeSpan.FromSeconds(2), Ct);
        var second = await client.PostInfoAsync(InfoRequestBody.AllMids(), TimeSpan.FromMilliseconds(150), Ct);
        second.Error!.Kind.ShouldBe(ApiErrorKind.RateLimited);
        second.Error.Message.ShouldContain("1 posts in flight");
        (await first).Error!.Kind.ShouldBe(ApiErrorKind.Timeout);
        venue.Sessions[0].ReceivedWithMethod("post").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Frames_sent_are_paced_by_the_shared_send_budget()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var budget = new Halyard.Hyperliquid.Rest.RestWeightLimiter(clock, weightPerMinute: 3, cancelReserve: 0);
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) => await FakeVenueSocket.AnswerLikeTheVenue(session, frame));
        await using var client = new HyperliquidWebSocket(new HyperliquidWebSocketOptions { Url = venue.Url, PingInterval = TimeSpan.FromSeconds(50), SendBudget = budget }, OnMessage);
        await client.StartAsync(Ct);
        foreach (var coin in new[] { "BTC", "ETH", "SOL" }) await client.SubscribeAsync(WsSubscription.Trades(coin), Ct);
        var fourth = client.SubscribeAsync(WsSubscription.Trades("ATOM"), Ct).AsTask();

        await WaitUntil(() => venue.Sessions[0].ReceivedWithMethod("subscribe").Count() == 3, "three subscriptions");
        await Task.Delay(200, Ct);
        fourth.IsCompleted.ShouldBeFalse("the budget of 3 frames per minute is spent");
        clock.Advance(TimeSpan.FromSeconds(20));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await WaitUntil(() => venue.Sessions[0].ReceivedWithMethod("subscribe").Count() == 4, "the fourth subscription");
    }

    [Fact]
    public async Task A_second_account_on_user_events_is_refused_because_its_frames_could_not_be_told_apart()
    {
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) => await FakeVenueSocket.AnswerLikeTheVenue(session, frame));
        await using var client = Client(venue);
        await client.StartAsync(Ct);
        await client.SubscribeAsync(WsSubscription.UserEvents("0x1111111111111111111111111111111111111111"), Ct);
        await client.SubscribeAsync(WsSubscription.UserEvents("0x1111111111111111111111111111111111111111"), Ct); // same one again: fine
        await client.SubscribeAsync(WsSubscription.UserFills("0x2222222222222222222222222222222222222222"), Ct); // carries its user
        var refused = await Should.ThrowAsync<ArgumentException>(async () =>
            await client.SubscribeAsync(WsSubscription.UserEvents("0x2222222222222222222222222222222222222222"), Ct));
        refused.Message.ShouldContain("one connection per account");
        client.Subscriptions.Count.ShouldBe(2);
    }
}
