using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Tests.LocalServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Hyperliquid.Tests.Rest;

public sealed class InfoClientTests : IDisposable
{
    private const string User = "0x5E9EE1089755C3435139848E47E6635505D5A13A";
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _requests;

    public void Dispose() => _http.Dispose();

    private HyperliquidInfoClient Client(LocalServer server, int maxRetries = 3, TimeSpan? attemptTimeout = null, RestWeightLimiter? limiter = null) => new(_http, new HyperliquidRestOptions
    {
        BaseUrl = server.BaseUrl,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
    }, limiter);

    private Task<LocalServer> Serve(Func<HttpContext, JsonElement, int, Task> handler) => LocalServer.StartAsync(app => app.MapPost("/info", async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        _bodies.Enqueue(context.Request.ContentType + " " + body);
        int n = Interlocked.Increment(ref _requests);
        using var doc = JsonDocument.Parse(body);
        await handler(context, doc.RootElement.Clone(), n);
    }));

    private static Task Json(HttpContext context, byte[] body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    [Fact]
    public async Task A_429_is_retried_and_the_second_answer_is_returned()
    {
        await using var server = await Serve((ctx, _, n) => n == 1
            ? Json(ctx, """{"code":429,"msg":"Too many requests"}"""u8.ToArray(), 429)
            : Json(ctx, FixtureFiles.Bytes("info_l2Book.response.json")));
        var client = Client(server, limiter: new RestWeightLimiter(cancelReserve: 0)); // a 429 then waits only for the 2 weight

        var book = await client.GetL2BookAsync("BTC", ct: TestContext.Current.CancellationToken);

        book.IsSuccess.ShouldBeTrue(book.Error?.ToString());
        book.Value.Bids[0].Px.ShouldBe(113377.0m);
        _requests.ShouldBe(2);
        client.Limiter.Available.ShouldBeLessThan(10, "a 429 empties the client-side bucket");
        _bodies.First().ShouldBe("application/json {\"type\":\"l2Book\",\"coin\":\"BTC\"}");
    }

    [Fact]
    public async Task Persistent_5xx_fails_after_every_retry_with_the_status()
    {
        await using var server = await Serve((ctx, _, _) => Json(ctx, "upstream down"u8.ToArray(), 503));
        var result = await Client(server, maxRetries: 2).GetMetaAsync(ct: TestContext.Current.CancellationToken);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ApiErrorKind.HttpStatus);
        result.Error.HttpStatus.ShouldBe(503);
        result.Error.Message.ShouldContain("after 3 attempts");
        result.Error.Message.ShouldContain("upstream down");
        _requests.ShouldBe(3);
    }

    [Fact]
    public async Task A_client_error_other_than_429_is_not_retried()
    {
        await using var server = await Serve((ctx, _, _) => Json(ctx, """{"error":"bad request"}"""u8.ToArray(), 422));
        var result = await Client(server).GetAllMidsAsync(ct: TestContext.Current.CancellationToken);
        result.Error!.HttpStatus.ShouldBe(422);
        _requests.ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_server_times_out_each_attempt_and_reports_a_timeout()
    {
        await using var server = await Serve(async (ctx, _, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ctx.RequestAborted).ContinueWith(_ => { });
            if (!ctx.RequestAborted.IsCancellationRequested) await Json(ctx, "{}"u8.ToArray());
        });
        var result = await Client(server, maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(200))
            .GetUserRateLimitAsync(User, TestContext.Current.CancellationToken);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Timeout);
        result.Error.MayHaveExecuted.ShouldBeTrue();
        _requests.ShouldBe(2);
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_the_request_type_and_field()
    {
        await using var server = await Serve((ctx, _, _) => Json(ctx, """{"coin":"BTC","time":1,"levels":[[{"px":"1.0","sz":"oops","n":1}],[]]}"""u8.ToArray()));
        var result = await Client(server).GetL2BookAsync("BTC", ct: TestContext.Current.CancellationToken);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Malformed);
        result.Error.Message.ShouldStartWith("l2Book: invalid L2BookSnapshot at '$.levels[0][0].sz'");
    }

    [Fact]
    public async Task Non_json_text_from_a_proxy_is_malformed_not_a_crash()
    {
        await using var server = await Serve((ctx, _, _) => Json(ctx, "<html>gateway</html>"u8.ToArray()));
        var result = await Client(server).GetOpenOrdersAsync(User, ct: TestContext.Current.CancellationToken);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Malformed);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error()
    {
        var server = await Serve((ctx, _, _) => Task.CompletedTask);
        var client = Client(server, maxRetries: 1);
        await server.DisposeAsync();
        var result = await client.GetMetaAsync(ct: TestContext.Current.CancellationToken);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Transport);
    }

    [Fact]
    public async Task Every_typed_request_sends_the_documented_body_and_parses_its_fixture()
    {
        await using var server = await Serve((ctx, body, _) => Json(ctx, FixtureFiles.Bytes(body.GetProperty("type").GetString() switch
        {
            "orderStatus" when body.GetProperty("oid").ValueKind == JsonValueKind.String => "info_orderStatus.unknown.response.json",
            var type => $"info_{type}.response.json",
        })));
        var client = Client(server);
        var ct = TestContext.Current.CancellationToken;

        (await client.GetMetaAsync(ct: ct)).Value.Universe.Count.ShouldBe(5);
        (await client.GetMetaAndAssetContextsAsync(ct: ct)).Value.Contexts.Count.ShouldBe(5);
        (await client.GetAllMidsAsync(ct: ct)).Value["ETH"].ShouldBe(3602.05m);
        (await client.GetClearinghouseStateAsync(User, ct: ct)).Value.AssetPositions.Count.ShouldBe(2);
        (await client.GetOpenOrdersAsync(User, ct: ct)).Value.Count.ShouldBe(3);
        (await client.GetFrontendOpenOrdersAsync(User, ct: ct)).Value.Count.ShouldBe(2);
        (await client.GetUserFillsAsync(User, ct: ct)).Value.Count.ShouldBe(2);
        (await client.GetOrderStatusAsync(User, 1, ct)).Value.Order!.Status.ShouldBe("filled");
        (await client.GetOrderStatusAsync(User, "0x00000000000000000000000000000001", ct)).Value.IsUnknown.ShouldBeTrue();
        (await client.GetUserRateLimitAsync(User, ct)).Value.NRequestsCap.ShouldBe(2864574);

        var bodies = _bodies.Select(b => b["application/json ".Length..]).ToList();
        bodies.ShouldContain("""{"type":"clearinghouseState","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a"}""");
        bodies.ShouldContain("""{"type":"orderStatus","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a","oid":1}""");
        bodies.ShouldContain("""{"type":"orderStatus","user":"0x5e9ee1089755c3435139848e47e6635505d5a13a","oid":"0x00000000000000000000000000000001"}""");
    }

    [Fact]
    public async Task Fills_by_time_page_past_the_cap_without_duplicates()
    {
        // 4500 fills, 3 per millisecond; the server answers at most 2000 from startTime, inclusive, like the venue.
        var fills = Enumerable.Range(0, 4500).Select(i => (Time: 1_000_000L + i / 3, Tid: 10_000L + i)).ToList();
        await using var server = await Serve((ctx, body, _) =>
        {
            long start = body.GetProperty("startTime").GetInt64();
            var page = fills.Where(f => f.Time >= start).Take(2000).Select(f =>
                $$"""{"coin":"ETH","px":"3500.0","sz":"0.01","side":"B","time":{{f.Time}},"hash":"0x00","oid":{{f.Tid * 7}},"crossed":true,"fee":"0.01","tid":{{f.Tid}}}""");
            return Json(ctx, Encoding.UTF8.GetBytes("[" + string.Join(',', page) + "]"));
        });

        var result = await Client(server).GetUserFillsByTimeAsync(User, 1_000_000, ct: TestContext.Current.CancellationToken);

        result.IsSuccess.ShouldBeTrue(result.Error?.ToString());
        result.Value.Count.ShouldBe(4500);
        result.Value.Select(f => f.Tid).Distinct().Count().ShouldBe(4500);
        result.Value[0].Time.ShouldBe(1_000_000);
        result.Value[^1].Time.ShouldBe(1_001_499);
        _requests.ShouldBe(3);
    }

    [Fact]
    public async Task Candles_page_by_open_time_until_the_end()
    {
        const long minute = 60_000;
        await using var server = await Serve((ctx, body, _) =>
        {
            var req = body.GetProperty("req");
            long start = req.GetProperty("startTime").GetInt64(), end = req.GetProperty("endTime").GetInt64();
            long first = (start + minute - 1) / minute * minute;
            var page = Enumerable.Range(0, 500).Select(i => first + i * minute).Where(t => t <= end).Select(t =>
                $$"""{"t":{{t}},"T":{{t + minute - 1}},"s":"BTC","i":"1m","o":"1","c":"2","h":"3","l":"0.5","v":"10","n":3}""");
            return Json(ctx, Encoding.UTF8.GetBytes("[" + string.Join(',', page) + "]"));
        });

        var candles = await Client(server).GetCandlesAsync("BTC", "1m", 0, 1199 * minute, TestContext.Current.CancellationToken);

        candles.Value.Count.ShouldBe(1200);
        candles.Value.Select(c => c.OpenTime).Distinct().Count().ShouldBe(1200);
        candles.Value[^1].OpenTime.ShouldBe(1199 * minute);
    }

    [Fact]
    public async Task Funding_history_pages_and_a_failing_page_says_which()
    {
        await using var server = await Serve((ctx, body, n) =>
        {
            if (n == 2) return Json(ctx, "{}"u8.ToArray(), 500);
            long start = body.GetProperty("startTime").GetInt64();
            var page = Enumerable.Range(0, 500).Select(i => start + i * 3_600_000L).Select(t =>
                $$"""{"coin":"ETH","fundingRate":"0.0000125","premium":"0.0001","time":{{t}}}""");
            return Json(ctx, Encoding.UTF8.GetBytes("[" + string.Join(',', page) + "]"));
        });

        var result = await Client(server, maxRetries: 0).GetFundingHistoryAsync("ETH", 0, ct: TestContext.Current.CancellationToken);

        result.Error!.Message.ShouldStartWith("page 2 failed after 500 items");
    }

    [Fact]
    public async Task User_funding_pages_by_time_and_reads_the_delta()
    {
        await using var server = await Serve((ctx, body, _) =>
        {
            long start = body.GetProperty("startTime").GetInt64();
            var page = Enumerable.Range(0, 700).Select(i => 3_600_000L * i).Where(t => t >= start).Take(500).Select(t =>
                "{\"time\":" + t + ",\"hash\":\"0x00\",\"delta\":{\"type\":\"funding\",\"coin\":\"ETH\",\"usdc\":\"-0.25\",\"szi\":\"1.5\",\"fundingRate\":\"0.0000125\",\"nSamples\":null}}");
            return Json(ctx, Encoding.UTF8.GetBytes("[" + string.Join(',', page) + "]"));
        });
        var result = await Client(server).GetUserFundingAsync(User, 0, ct: TestContext.Current.CancellationToken);
        result.Value.Count.ShouldBe(700);
        result.Value[0].Delta.Usdc.ShouldBe(-0.25m);
        result.Value[^1].Time.ShouldBe(3_600_000L * 699);
        _bodies.First().ShouldContain("\"type\":\"userFunding\"");
    }

    [Fact]
    public async Task Waiting_for_weight_budget_does_not_count_against_the_attempt_timeout()
    {
        await using var server = await Serve((ctx, _, _) => Json(ctx, FixtureFiles.Bytes("info_allMids.response.json")));
        var limiter = new RestWeightLimiter(weightPerMinute: 120, cancelReserve: 0);
        limiter.TryAcquire(120).ShouldBeTrue(); // empty: the next 2 weight arrives after 1 s
        var result = await Client(server, maxRetries: 0, attemptTimeout: TimeSpan.FromMilliseconds(300), limiter: limiter)
            .GetAllMidsAsync(ct: TestContext.Current.CancellationToken);
        result.IsSuccess.ShouldBeTrue(result.Error?.ToString());
        _requests.ShouldBe(1);
    }
}
