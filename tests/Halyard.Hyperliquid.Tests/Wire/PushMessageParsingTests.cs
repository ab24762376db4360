using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Ws;

namespace Halyard.Hyperliquid.Tests.Wire;

public class PushMessageParsingTests
{
    private static readonly HyperliquidJsonContext Json = HyperliquidJsonContext.Default;

    [Theory]
    [InlineData("ws_allMids.message.json", WsChannel.AllMids)]
    [InlineData("ws_bbo.message.json", WsChannel.Bbo)]
    [InlineData("ws_error.message.json", WsChannel.Error)]
    [InlineData("ws_l2Book.message.json", WsChannel.L2Book)]
    [InlineData("ws_orderUpdates.message.json", WsChannel.OrderUpdates)]
    [InlineData("ws_pong.message.json", WsChannel.Pong)]
    [InlineData("ws_post_action.response.json", WsChannel.Post)]
    [InlineData("ws_post_error.response.json", WsChannel.Post)]
    [InlineData("ws_post_info.response.json", WsChannel.Post)]
    [InlineData("ws_subscriptionResponse.message.json", WsChannel.SubscriptionResponse)]
    [InlineData("ws_trades.message.json", WsChannel.Trades)]
    [InlineData("ws_userEvents.fills.message.json", WsChannel.User)]
    [InlineData("ws_userEvents.funding.message.json", WsChannel.User)]
    [InlineData("ws_userEvents.liquidation.message.json", WsChannel.User)]
    [InlineData("ws_userEvents.nonUserCancel.message.json", WsChannel.User)]
    [InlineData("ws_userFills.snapshot.message.json", WsChannel.UserFills)]
    [InlineData("ws_userFills.update.message.json", WsChannel.UserFills)]
    [InlineData("ws_userFundings.message.json", WsChannel.UserFundings)]
    public void Every_server_frame_is_routed_to_its_channel(string fixture, WsChannel expected)
    {
        WsFrame.TryRead(FixtureFiles.Bytes(fixture), out var channel, out _).ShouldBeTrue();
        channel.ShouldBe(expected);
    }

    [Fact]
    public void Non_json_text_and_garbage_have_no_channel()
    {
        WsFrame.TryRead("Websocket connection established."u8, out _, out _).ShouldBeFalse();
        WsFrame.TryRead("{\"channel\":"u8, out _, out _).ShouldBeFalse();
        WsFrame.TryRead("[1,2,3]"u8, out _, out _).ShouldBeFalse();
        WsFrame.TryRead(""u8, out _, out _).ShouldBeFalse();
        WsFrame.TryRead("{\"channel\":\"somethingNew\",\"data\":1}"u8, out var unknown, out _).ShouldBeTrue();
        unknown.ShouldBe(WsChannel.Unknown);
    }

    [Fact]
    public void Subscription_ack_echoes_the_subscription()
    {
        var ack = WireJson.ParsePushData(FixtureFiles.Bytes("ws_subscriptionResponse.message.json"), Json.WsPushSubscriptionAck).Value;
        ack.Method.ShouldBe("subscribe");
        ack.Subscription.GetProperty("coin").GetString().ShouldBe("SOL");
    }

    [Fact]
    public void Pong_has_no_data_but_a_channel()
    {
        var pong = WireJson.Parse(FixtureFiles.Bytes("ws_pong.message.json"), Json.WsPushString).Value;
        pong.Channel.ShouldBe("pong");
        pong.Data.ShouldBeNull();
    }

    [Fact]
    public void Error_channel_data_is_the_text()
    {
        WireJson.ParsePushData(FixtureFiles.Bytes("ws_error.message.json"), Json.WsPushString).Value.ShouldStartWith("Already subscribed:");
    }

    [Fact]
    public void All_mids_push_includes_spot_pairs()
    {
        var mids = WireJson.ParsePushData(FixtureFiles.Bytes("ws_allMids.message.json"), Json.WsPushAllMidsPush).Value.Mids;
        mids["PURR/USDC"].ShouldBe(0.1834m);
        mids.Count.ShouldBe(4);
    }

    [Fact]
    public void L2_book_push_parses_as_a_snapshot()
    {
        var book = WireJson.ParsePushData(FixtureFiles.Bytes("ws_l2Book.message.json"), Json.WsPushL2BookSnapshot).Value;
        book.Bids.Count.ShouldBe(3);
        book.Asks[1].Px.ShouldBe(113380.0m);
    }

    [Fact]
    public void Trades_push_reads_tid_and_users()
    {
        var trades = WireJson.ParsePushData(FixtureFiles.Bytes("ws_trades.message.json"), Json.WsPushIReadOnlyListWsTrade).Value;
        trades.Count.ShouldBe(2);
        trades[0].Tid.ShouldBe(511269201834921);
        trades[0].Users.ShouldBe(["0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222"]);
        trades[1].Sz.ShouldBe(0.3m);
    }

    [Fact]
    public void Bbo_push_reads_both_sides()
    {
        var bbo = WireJson.ParsePushData(FixtureFiles.Bytes("ws_bbo.message.json"), Json.WsPushBboPush).Value;
        bbo.Bid!.Px.ShouldBe(113377.0m);
        bbo.Ask!.Sz.ShouldBe(0.11543m);
    }

    [Fact]
    public void Bbo_push_with_an_empty_side_reads_null()
    {
        var bbo = WireJson.ParsePushData("""{"channel":"bbo","data":{"coin":"X","time":1,"bbo":[null,{"px":"1","sz":"2","n":1}]}}"""u8, Json.WsPushBboPush).Value;
        bbo.Bid.ShouldBeNull();
        bbo.Ask!.Px.ShouldBe(1m);
    }

    [Fact]
    public void Candle_push_reads_one_candle()
    {
        var candle = WireJson.ParsePushData("""{"channel":"candle","data":{"t":1,"T":2,"s":"BTC","i":"1m","o":"1.5","c":"2","h":"3","l":"1","v":"10.25","n":4}}"""u8, Json.WsPushCandle).Value;
        candle.Close.ShouldBe(2m);
        candle.Volume.ShouldBe(10.25m);
    }

    [Fact]
    public void Order_updates_read_status_transitions()
    {
        var updates = WireJson.ParsePushData(FixtureFiles.Bytes("ws_orderUpdates.message.json"), Json.WsPushIReadOnlyListOrderUpdate).Value;
        updates.Select(u => u.Status).ShouldBe(["open", "filled", "canceled"]);
        updates[0].Order.Cloid.ShouldBe("0x00000000000000000000000000000001");
        updates[1].Order.Sz.ShouldBe(0m);
        updates[2].StatusTimestamp.ShouldBe(1754450990000);
    }

    [Fact]
    public void User_fills_snapshot_is_flagged_and_updates_are_not()
    {
        var snapshot = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userFills.snapshot.message.json"), Json.WsPushUserFillsPush).Value;
        snapshot.IsSnapshot.ShouldBeTrue();
        snapshot.Fills.Count.ShouldBe(2);
        snapshot.Fills[1].Fee.ShouldBe(0.050850m);
        var update = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userFills.update.message.json"), Json.WsPushUserFillsPush).Value;
        update.IsSnapshot.ShouldBeFalse();
        update.Fills.ShouldHaveSingleItem().Cloid.ShouldBe("0x00000000000000000000000000000001");
    }

    [Fact]
    public void User_events_carry_exactly_one_kind()
    {
        var fills = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userEvents.fills.message.json"), Json.WsPushUserEventPush).Value;
        fills.Fills.ShouldNotBeNull().ShouldHaveSingleItem().Oid.ShouldBe(88383);
        fills.Funding.ShouldBeNull();

        var funding = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userEvents.funding.message.json"), Json.WsPushUserEventPush).Value;
        funding.Funding!.Usdc.ShouldBe(-0.002251m);
        funding.Funding.NSamples.ShouldBeNull();

        var liquidation = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userEvents.liquidation.message.json"), Json.WsPushUserEventPush).Value;
        liquidation.Liquidation!.Lid.ShouldBe(4418812);
        liquidation.Liquidation.LiquidatedUser.ShouldBe("0x5e9ee1089755c3435139848e47e6635505d5a13a");
        liquidation.Liquidation.LiquidatedNtlPos.ShouldBe(1811.2m);

        var cancel = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userEvents.nonUserCancel.message.json"), Json.WsPushUserEventPush).Value;
        cancel.NonUserCancel!.ShouldHaveSingleItem().Oid.ShouldBe(88390);
    }

    [Fact]
    public void User_fundings_snapshot_reads_payments()
    {
        var fundings = WireJson.ParsePushData(FixtureFiles.Bytes("ws_userFundings.message.json"), Json.WsPushUserFundingsPush).Value;
        fundings.IsSnapshot.ShouldBeTrue();
        fundings.Fundings.ShouldHaveSingleItem().FundingRate.ShouldBe(0.0000125m);
    }

    [Fact]
    public void Active_asset_context_push_reads_the_context()
    {
        var ctx = WireJson.ParsePushData("""{"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{"funding":"0.0000125","openInterest":"1","prevDayPx":"2","dayNtlVlm":"3","premium":null,"oraclePx":"4","markPx":"5","midPx":"6","impactPxs":null,"dayBaseVlm":"7"}}}"""u8, Json.WsPushActiveAssetContextPush).Value;
        ctx.Coin.ShouldBe("BTC");
        ctx.Ctx.MarkPx.ShouldBe(5m);
    }

    [Theory]
    [InlineData("ws_post_info.response.json", 123L, WsPostKind.Info, "{")]
    [InlineData("ws_post_action.response.json", 256L, WsPostKind.Action, "{")]
    [InlineData("ws_post_error.response.json", 257L, WsPostKind.Error, "\"429 Too Many Requests\"")]
    public void Post_answers_yield_id_kind_and_raw_payload(string fixture, long expectedId, WsPostKind expectedKind, string payloadStart)
    {
        byte[] frame = FixtureFiles.Bytes(fixture);
        WsPostFrame.TryRead(frame, out long id, out var kind, out var payload).ShouldBeTrue();
        id.ShouldBe(expectedId);
        kind.ShouldBe(expectedKind);
        System.Text.Encoding.UTF8.GetString(frame[payload]).ShouldStartWith(payloadStart);
    }

    [Fact]
    public void A_post_action_payload_is_an_exchange_response()
    {
        byte[] frame = FixtureFiles.Bytes("ws_post_action.response.json");
        WsPostFrame.TryRead(frame, out _, out _, out var payload).ShouldBeTrue();
        var response = WireJson.Parse(frame.AsSpan()[payload], Json.ExchangeResponse).Value;
        response.Statuses.ShouldHaveSingleItem().Oid.ShouldBe(88383);
    }
}
