using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Tests.LocalServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Hyperliquid.Tests.Data;

/// <summary>The data client against a scripted venue on a real Kestrel server (/info from fixtures, /ws scripted per test).</summary>
public class HyperliquidDataClientTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private readonly KernelInbox _inbox = new();
    private readonly ConcurrentQueue<string> _received = new();

    /// <summary>Serves metaAndAssetCtxs and a socket that acks subscriptions and then sends <paramref name="afterL2BookAck"/>.</summary>
    private Task<LocalServer> Venue(params string[] afterL2BookAck) => LocalServer.StartAsync(app =>
    {
        app.MapPost("/info", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Fixture.Bytes("info_metaAndAssetCtxs.response.json"));
        });
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    string text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    _received.Enqueue(text);
                    using var doc = JsonDocument.Parse(text);
                    if (doc.RootElement.GetProperty("method").GetString() == "ping") { await Send(socket, """{"channel":"pong"}"""); continue; }
                    string sub = doc.RootElement.GetProperty("subscription").GetRawText();
                    await Send(socket, "{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"subscribe\",\"subscription\":" + sub + "}}");
                    if (sub.Contains("l2Book", StringComparison.Ordinal))
                        foreach (string frame in afterL2BookAck) await Send(socket, frame);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException) { }
        });
    });

    private static Task Send(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private HyperliquidDataClient Client(LocalServer venue, params InstrumentId[] instruments) => new(
        new HyperliquidDataClientConfig { Endpoints = HyperliquidEndpoints.At(venue.BaseUrl), Instruments = instruments, SubscribeQuotes = false, SubscribeTrades = false },
        _inbox, new LiveClock(_inbox));

    private List<object> Posted()
    {
        var list = new List<object>();
        while (_inbox.Reader.TryRead(out KernelMessage m)) list.Add(m.Kind == KernelMessageKind.Object ? m.Object! : m.ToString());
        return list;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within 20 s: {what}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Connect_posts_every_listed_instrument_before_returning_and_subscribes_the_configured_ones()
    {
        await using var venue = await Venue();
        await using var client = Client(venue, Btc);
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        client.IsConnected.ShouldBeTrue();
        var instruments = Posted().OfType<Instrument>().ToList();
        instruments.Select(i => i.RawSymbol).ShouldBe(["BTC", "ETH", "ATOM", "SOL", "LOOM"]);
        instruments[0].PricePrecision.ShouldBe((byte)1);
        await Until(() => _received.Any(f => f.Contains("\"l2Book\"", StringComparison.Ordinal)), "the l2Book subscription");
        _received.ShouldNotContain(f => f.Contains("\"bbo\"", StringComparison.Ordinal), "quotes are off in this config");
    }

    [Fact]
    public async Task Malformed_frames_are_counted_post_nothing_and_the_connection_keeps_mapping()
    {
        await using var venue = await Venue(
            """{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"oops","sz":"1","n":1}],[]]}}""",
            """{"channel":"l2Book","data":{"coin":"BTC","time":"late","levels":[[],[]]}}""",
            """{"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[{"px":"1.0","sz":"1","n":1}]""",
            Encoding.UTF8.GetString(Fixture.Bytes("ws_l2Book.message.json")));
        await using var client = Client(venue, Btc);
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        var books = new List<OrderBookDeltas>();
        await Until(() => { books.AddRange(Posted().OfType<OrderBookDeltas>()); return books.Count > 0; }, "the good book after the bad ones");
        client.MalformedFrames.ShouldBe(3);
        books.ShouldHaveSingleItem().IsSnapshot.ShouldBeTrue();
        books[0].Deltas.Count.ShouldBe(6);
        client.Reconnects.ShouldBe(0, "a bad frame does not cost the connection");
    }

    [Fact]
    public async Task Subscribe_calls_return_at_once_and_reach_the_venue_in_order_shared_feeds_once()
    {
        await using var venue = await Venue();
        await using var client = Client(venue);
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        client.SubscribeMarkPrices(Btc);
        client.SubscribeFundingRates(Btc); // same activeAssetCtx subscription
        client.SubscribeQuotes(Btc);
        client.UnsubscribeMarkPrices(Btc); // funding still needs it
        client.UnsubscribeQuotes(Btc);
        client.SubscribeBars(new BarType(Btc, new BarSpecification(15, BarAggregation.Minute, PriceType.Last)));
        client.SubscribeBars(new BarType(Btc, new BarSpecification(7, BarAggregation.Minute, PriceType.Last))); // no such candle: logged, ignored
        client.SubscribeTrades(InstrumentId.Perpetual("NOPE")); // not listed: logged, ignored

        await Until(() => client.Subscriptions.Any(s => s.Type == "candle"), "the candle subscription");
        client.Subscriptions.Select(s => s.Json).OrderBy(j => j).ShouldBe([
            """{"type":"activeAssetCtx","coin":"BTC"}""",
            """{"type":"candle","coin":"BTC","interval":"15m"}""",
        ]);
        await Until(() => _received.Any(f => f.Contains("\"candle\"", StringComparison.Ordinal)), "the candle subscribe frame at the venue");
        var sent = _received.Where(f => !f.Contains("ping", StringComparison.Ordinal)).ToList();
        sent.ShouldBe([
            """{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"BTC"}}""",
            """{"method":"subscribe","subscription":{"type":"bbo","coin":"BTC"}}""",
            """{"method":"unsubscribe","subscription":{"type":"bbo","coin":"BTC"}}""",
            """{"method":"subscribe","subscription":{"type":"candle","coin":"BTC","interval":"15m"}}""",
        ]);
    }

    [Fact]
    public async Task Connecting_again_after_a_disconnect_restores_the_subscriptions_and_starts_from_a_snapshot()
    {
        await using var venue = await Venue(Encoding.UTF8.GetString(Fixture.Bytes("ws_l2Book.message.json")));
        await using var client = Client(venue, Btc);
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(ct);
        client.SubscribeMarkPrices(Btc);
        await Until(() => Posted().OfType<OrderBookDeltas>().Any(), "the first book");

        await client.DisconnectAsync(ct);
        client.IsConnected.ShouldBeFalse();
        await client.ConnectAsync(ct);

        await Until(() => Posted().OfType<OrderBookDeltas>().Any(b => b.IsSnapshot), "a snapshot on the new connection");
        client.Subscriptions.Select(sub => sub.Type).OrderBy(t => t).ShouldBe(["activeAssetCtx", "l2Book"]);
    }
}
