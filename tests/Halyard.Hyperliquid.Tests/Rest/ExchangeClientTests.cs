using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Tests.LocalServers;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Hyperliquid.Tests.Rest;

public sealed class ExchangeClientTests : IDisposable
{
    private static readonly PrivateKey Key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
    private static readonly Cloid Cloid1 = Cloid.Parse("0x00000000000000000000000000000001");
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<string> _exchangeBodies = new();
    private readonly ConcurrentQueue<string> _infoBodies = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<LocalServer> Serve(Func<HttpContext, JsonElement, int, Task> exchange, Func<HttpContext, JsonElement, Task>? info = null) =>
        LocalServer.StartAsync(app =>
        {
            app.MapPost("/exchange", async context =>
            {
                string body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                _exchangeBodies.Enqueue(body);
                using var doc = JsonDocument.Parse(body);
                await exchange(context, doc.RootElement.Clone(), _exchangeBodies.Count);
            });
            app.MapPost("/info", async context =>
            {
                string body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                _infoBodies.Enqueue(body);
                using var doc = JsonDocument.Parse(body);
                await (info ?? ((c, _) => Respond(c, "{}")))(context, doc.RootElement.Clone());
            });
        });

    private static Task Respond(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static Task RespondFixture(HttpContext context, string fixture) => Respond(context, Encoding.UTF8.GetString(FixtureFiles.Bytes(fixture)));

    private HyperliquidExchangeClient Client(LocalServer server, string? vault = null, TimeSpan? attemptTimeout = null) => new(_http,
        new HyperliquidSigner(Key, isMainnet: false),
        new NonceAllocator(TimeProvider.System),
        new HyperliquidRestOptions
        {
            BaseUrl = server.BaseUrl,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
        },
        vaultAddress: vault);

    private static OrderAction BuyEth(Cloid? cloid = null) => new(new OrderWire(4, true, "1100", "0.2", false, OrderTypeWire.Gtc, cloid));

    private static string? RecoverSigner(JsonElement body) => SignatureVerifier.RecoverL1Signer(
        body.GetProperty("action"), body.GetProperty("nonce").GetUInt64(),
        body.GetProperty("vaultAddress").ValueKind == JsonValueKind.Null ? null : body.GetProperty("vaultAddress").GetString(),
        null, isMainnet: false, EcdsaSignature.Parse(body.GetProperty("signature")));

    [Fact]
    public async Task An_order_is_signed_by_the_key_and_its_resting_status_returned()
    {
        JsonElement received = default;
        await using var server = await Serve((ctx, body, _) => { received = body; return RespondFixture(ctx, "exchange_order.resting_with_cloid.response.json"); });

        var result = await Client(server).PlaceOrdersAsync(BuyEth(Cloid1), Ct);

        var status = result.Value.ShouldHaveSingleItem();
        status.Kind.ShouldBe(ExchangeStatusKind.Resting);
        status.Oid.ShouldBe(77738309);
        RecoverSigner(received).ShouldBe(Key.Address);
        received.GetProperty("action").GetRawText().ShouldBe("""{"type":"order","orders":[{"a":4,"b":true,"p":"1100","s":"0.2","r":false,"t":{"limit":{"tif":"Gtc"}},"c":"0x00000000000000000000000000000001"}],"grouping":"na"}""");
        received.GetProperty("vaultAddress").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_batch_returns_one_status_per_order()
    {
        await using var server = await Serve((ctx, _, _) => RespondFixture(ctx, "exchange_order.mixed_batch.response.json"));
        var result = await Client(server).PlaceOrdersAsync(BuyEth(), Ct);
        result.Value.Select(s => s.Kind).ShouldBe([ExchangeStatusKind.Resting, ExchangeStatusKind.Filled, ExchangeStatusKind.Error, ExchangeStatusKind.WaitingForTrigger]);
        result.Value[1].AvgPx.ShouldBe(1891.4m);
    }

    [Fact]
    public async Task A_whole_request_error_is_a_rejection_with_the_venue_message()
    {
        await using var server = await Serve((ctx, _, _) => RespondFixture(ctx, "exchange_error.toplevel.response.json"));
        var result = await Client(server).PlaceOrdersAsync(BuyEth(), Ct);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Rejected);
        result.Error.Message.ShouldBe("User or API Wallet 0x0123456789abcdef0123456789abcdef01234567 does not exist.");
        _exchangeBodies.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancels_read_success_and_error_statuses_and_vault_orders_carry_the_vault()
    {
        JsonElement received = default;
        await using var server = await Serve((ctx, body, n) => { received = body; return RespondFixture(ctx, "exchange_cancel.error.response.json"); });
        const string vault = "0xABCDEF0123456789ABCDEF0123456789ABCDEF01";
        var result = await Client(server, vault).CancelAsync(new CancelAction([new CancelWire(4, 77738308)]), Ct);
        result.Value.ShouldHaveSingleItem().Error.ShouldBe("Order was never placed, already canceled, or filled.");
        received.GetProperty("vaultAddress").GetString().ShouldBe(vault.ToLowerInvariant());
        RecoverSigner(received).ShouldBe(Key.Address);
    }

    [Fact]
    public async Task Default_actions_return_ok_and_nonces_increase()
    {
        await using var server = await Serve((ctx, _, _) => RespondFixture(ctx, "exchange_default.ok.response.json"));
        var client = Client(server);
        (await client.UpdateLeverageAsync(new UpdateLeverageAction(4, true, 10), Ct)).Value.ResponseType.ShouldBe("default");
        (await client.ScheduleCancelAsync(new ScheduleCancelAction((ulong)DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), Ct)).Value.IsOk.ShouldBeTrue();
        (await client.UpdateIsolatedMarginAsync(UpdateIsolatedMarginAction.FromUsd(4, 1.5m), Ct)).Value.IsOk.ShouldBeTrue();
        (await client.NoopAsync(Ct)).Value.IsOk.ShouldBeTrue();
        var nonces = _exchangeBodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("nonce").GetUInt64()).ToList();
        nonces.ShouldBe(nonces.Order().ToList());
        nonces.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task User_signed_actions_use_their_own_nonce_and_no_vault()
    {
        await using var server = await Serve((ctx, _, _) => RespondFixture(ctx, "exchange_default.ok.response.json"));
        var client = Client(server, vault: "0xabcdef0123456789abcdef0123456789abcdef01");
        (await client.ApproveAgentAsync("0x1111111111111111111111111111111111111111", ct: Ct)).Value.IsOk.ShouldBeTrue();
        (await client.UsdClassTransferAsync(12.5m, toPerp: true, ct: Ct)).Value.IsOk.ShouldBeTrue();
        (await client.WithdrawAsync("0x2222222222222222222222222222222222222222", 5m, Ct)).Value.IsOk.ShouldBeTrue();

        foreach (var body in _exchangeBodies.Select(b => JsonDocument.Parse(b).RootElement))
        {
            body.GetProperty("vaultAddress").ValueKind.ShouldBe(JsonValueKind.Null);
            var action = body.GetProperty("action");
            ulong inner = action.TryGetProperty("nonce", out var n) ? n.GetUInt64() : action.GetProperty("time").GetUInt64();
            inner.ShouldBe(body.GetProperty("nonce").GetUInt64());
            SignatureVerifier.RecoverUserSigner(action, EcdsaSignature.Parse(body.GetProperty("signature"))).ShouldBe(Key.Address);
        }
        _exchangeBodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("action").GetProperty("type").GetString())
            .ShouldBe(["approveAgent", "usdClassTransfer", "withdraw3"]);
    }

    [Fact]
    public async Task After_a_timeout_a_known_cloid_is_answered_from_order_status_without_resending()
    {
        await using var server = await Serve(
            async (ctx, _, _) => { await Task.Delay(TimeSpan.FromSeconds(2), ctx.RequestAborted).ContinueWith(_ => { }); },
            (ctx, body) => body.GetProperty("oid").GetString() == "0x00000000000000000000000000000001"
                ? Respond(ctx, """{"status":"order","order":{"order":{"coin":"ETH","side":"B","limitPx":"1100","sz":"0.2","oid":91,"timestamp":1,"origSz":"0.2","cloid":"0x00000000000000000000000000000001"},"status":"open","statusTimestamp":2}}""")
                : Respond(ctx, """{"status":"unknownOid"}"""));

        var result = await Client(server, attemptTimeout: TimeSpan.FromMilliseconds(200)).PlaceOrdersAsync(BuyEth(Cloid1), Ct);

        var status = result.Value.ShouldHaveSingleItem();
        status.Kind.ShouldBe(ExchangeStatusKind.Resting);
        status.Oid.ShouldBe(91);
        _exchangeBodies.Count.ShouldBe(1, "the order is known, so it must not be sent again");
        _infoBodies.ShouldHaveSingleItem().ShouldContain("\"user\":\"" + Key.Address + "\"");
    }

    [Fact]
    public async Task After_a_timeout_an_unknown_cloid_is_resent_with_the_same_signed_bytes()
    {
        await using var server = await Serve(
            async (ctx, _, n) =>
            {
                if (n == 1) await Task.Delay(TimeSpan.FromSeconds(2), ctx.RequestAborted).ContinueWith(_ => { });
                else await RespondFixture(ctx, "exchange_order.resting_with_cloid.response.json");
            },
            (ctx, _) => RespondFixture(ctx, "info_orderStatus.unknown.response.json"));

        var result = await Client(server, attemptTimeout: TimeSpan.FromMilliseconds(200)).PlaceOrdersAsync(BuyEth(Cloid1), Ct);

        result.Value.ShouldHaveSingleItem().Oid.ShouldBe(77738309);
        _exchangeBodies.Count.ShouldBe(2);
        _exchangeBodies.Distinct().Count().ShouldBe(1, "a retry re-sends the same nonce and signature, so the venue executes it at most once");
    }

    [Fact]
    public async Task A_5xx_on_a_cancel_is_resent_and_a_4xx_is_not()
    {
        await using var server = await Serve((ctx, _, n) => n == 1 ? Respond(ctx, "bad gateway", 502) : RespondFixture(ctx, "exchange_cancel.success.response.json"));
        var client = Client(server);
        (await client.CancelByCloidAsync(new CancelByCloidAction([new CancelByCloidWire(4, Cloid1)]), Ct)).Value.ShouldHaveSingleItem().Kind.ShouldBe(ExchangeStatusKind.Success);
        _exchangeBodies.Distinct().Count().ShouldBe(1);
        _exchangeBodies.Count.ShouldBe(2);

        await using var strict = await Serve((ctx, _, _) => Respond(ctx, """{"error":"unprocessable"}""", 422));
        var rejected = await Client(strict).CancelAsync(new CancelAction([new CancelWire(4, 1)]), Ct);
        rejected.Error!.Kind.ShouldBe(ApiErrorKind.HttpStatus);
        rejected.Error.HttpStatus.ShouldBe(422);
    }

    [Fact]
    public async Task A_resend_refused_for_its_nonce_says_the_first_attempt_may_have_executed()
    {
        await using var server = await Serve((ctx, _, n) => n == 1
            ? Respond(ctx, "upstream timeout", 504)
            : Respond(ctx, """{"status":"err","response":"Invalid nonce: duplicate nonce"}"""));
        var result = await Client(server).CancelAsync(new CancelAction([new CancelWire(4, 1)]), Ct);
        result.Error!.Kind.ShouldBe(ApiErrorKind.Rejected);
        result.Error.Message.ShouldContain("may have executed");
    }

    [Fact]
    public async Task With_a_connected_socket_actions_go_out_as_ws_posts_and_otherwise_over_http()
    {
        var posted = new ConcurrentQueue<JsonElement>();
        await using var venue = await FakeVenueSocket.StartAsync(async (session, frame) =>
        {
            if (await FakeVenueSocket.AnswerLikeTheVenue(session, frame)) return;
            using var doc = JsonDocument.Parse(frame);
            posted.Enqueue(doc.RootElement.Clone());
            long id = doc.RootElement.GetProperty("id").GetInt64();
            string payload = Encoding.UTF8.GetString(FixtureFiles.Bytes("exchange_order.resting_with_cloid.response.json"));
            await session.SendAsync("{\"channel\":\"post\",\"data\":{\"id\":" + id + ",\"response\":{\"type\":\"action\",\"payload\":" + payload + "}}}");
        });
        var socket = new Halyard.Hyperliquid.Ws.HyperliquidWebSocket(new Halyard.Hyperliquid.Ws.HyperliquidWebSocketOptions { Url = venue.Url }, (_, _) => { });
        await socket.StartAsync(Ct);
        await using var http = await Serve((ctx, _, _) => RespondFixture(ctx, "exchange_order.filled.response.json"));
        var client = new HyperliquidExchangeClient(_http, new HyperliquidSigner(Key, isMainnet: false), new NonceAllocator(TimeProvider.System),
            new HyperliquidRestOptions { BaseUrl = http.BaseUrl }) { WebSocket = socket };

        var overWs = await client.PlaceOrdersAsync(BuyEth(Cloid1), Ct);
        overWs.Value.ShouldHaveSingleItem().Kind.ShouldBe(ExchangeStatusKind.Resting);
        var request = posted.ShouldHaveSingleItem().GetProperty("request");
        request.GetProperty("type").GetString().ShouldBe("action");
        RecoverSigner(request.GetProperty("payload")).ShouldBe(Key.Address);
        _exchangeBodies.ShouldBeEmpty();

        await socket.DisposeAsync();
        var overHttp = await client.PlaceOrdersAsync(BuyEth(Cloid1), Ct);
        overHttp.Value.ShouldHaveSingleItem().Kind.ShouldBe(ExchangeStatusKind.Filled);
        _exchangeBodies.Count.ShouldBe(1);
    }
}
