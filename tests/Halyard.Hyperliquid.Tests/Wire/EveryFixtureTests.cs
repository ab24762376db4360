using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Ws;

namespace Halyard.Hyperliquid.Tests.Wire;

/// <summary>Every recorded shape has a parser, parses whole, and fails cleanly (no exception) when cut short.</summary>
public class EveryFixtureTests
{
    private static readonly HyperliquidJsonContext Json = HyperliquidJsonContext.Default;

    public static TheoryData<string> Fixtures() => new(FixtureFiles.All());

    /// <summary>The parser a client uses for each fixture; null for client → server requests.</summary>
    private static Func<byte[], string?>? ParserFor(string name) => name switch
    {
        _ when name.EndsWith(".request.json", StringComparison.Ordinal) => null,
        "info_allMids.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyDictionaryStringDecimal)),
        "info_candleSnapshot.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyListCandle)),
        "info_clearinghouseState.response.json" => b => Error(WireJson.Parse(b, Json.ClearinghouseState)),
        "info_frontendOpenOrders.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyListFrontendOpenOrder)),
        "info_fundingHistory.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyListFundingRateEntry)),
        "info_l2Book.response.json" => b => Error(WireJson.Parse(b, Json.L2BookSnapshot)) ?? Hot(b, MarketFrameReader.TryParseL2Book, new BookSnapshotBuffer()),
        "info_meta.response.json" => b => Error(WireJson.Parse(b, Json.PerpMeta)),
        "info_metaAndAssetCtxs.response.json" => b => Error(WireJson.Parse(b, Json.MetaAndAssetContexts)),
        "info_openOrders.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyListOpenOrder)),
        "info_orderStatus.response.json" or "info_orderStatus.unknown.response.json" => b => Error(WireJson.Parse(b, Json.OrderStatusResponse)),
        "info_userFills.response.json" => b => Error(WireJson.Parse(b, Json.IReadOnlyListUserFill)),
        "info_userRateLimit.response.json" => b => Error(WireJson.Parse(b, Json.UserRateLimit)),
        _ when name.StartsWith("exchange_", StringComparison.Ordinal) => b => Error(WireJson.Parse(b, Json.ExchangeResponse)),
        "ws_allMids.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushAllMidsPush)),
        "ws_bbo.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushBboPush)) ?? Hot(b, MarketFrameReader.TryParseBbo, new BboBuffer()),
        "ws_error.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushString)),
        "ws_l2Book.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushL2BookSnapshot)) ?? Hot(b, MarketFrameReader.TryParseL2Book, new BookSnapshotBuffer()),
        "ws_orderUpdates.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushIReadOnlyListOrderUpdate)),
        "ws_pong.message.json" => b => Error(WireJson.Parse(b, Json.WsPushString)),
        _ when name.StartsWith("ws_post_", StringComparison.Ordinal) => b => WsPostFrame.TryRead(b, out _, out _, out _) ? null : "not a post answer",
        "ws_subscriptionResponse.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushSubscriptionAck)),
        "ws_trades.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushIReadOnlyListWsTrade)) ?? Hot(b, MarketFrameReader.TryParseTrades, new TradeBuffer()),
        _ when name.StartsWith("ws_userEvents.", StringComparison.Ordinal) => b => Error(WireJson.ParsePushData(b, Json.WsPushUserEventPush)),
        _ when name.StartsWith("ws_userFills.", StringComparison.Ordinal) => b => Error(WireJson.ParsePushData(b, Json.WsPushUserFillsPush)),
        "ws_userFundings.message.json" => b => Error(WireJson.ParsePushData(b, Json.WsPushUserFundingsPush)),
        _ => throw new InvalidOperationException($"fixture {name} has no parser: add one here"),
    };

    private delegate bool HotParser<TBuffer>(ReadOnlySpan<byte> json, TBuffer into, out string? error);

    private static string? Hot<TBuffer>(byte[] bytes, HotParser<TBuffer> parse, TBuffer buffer) => parse(bytes, buffer, out var error) ? null : error;

    private static string? Error<T>(ApiResult<T> result) => result.IsSuccess ? null : result.Error.Message;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_parses_with_the_parser_a_client_uses(string name)
    {
        var parse = ParserFor(name);
        if (parse is null) return; // client → server frames are produced, not parsed
        parse(FixtureFiles.Bytes(name)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_truncation_of_every_fixture_fails_cleanly(string name)
    {
        var parse = ParserFor(name);
        if (parse is null) return;
        byte[] whole = FixtureFiles.Bytes(name);
        int end = whole.AsSpan().TrimEnd("\r\n "u8).Length;
        for (int length = 0; length < end; length++)
            parse(whole[..length]).ShouldNotBeNull($"{name} cut to {length} bytes must not parse");
    }
}
