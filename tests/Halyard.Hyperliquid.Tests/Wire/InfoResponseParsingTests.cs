using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Tests.Wire;

public class InfoResponseParsingTests
{
    private static readonly HyperliquidJsonContext Json = HyperliquidJsonContext.Default;

    [Fact]
    public void Meta_lists_the_universe_in_asset_id_order_with_margin_tables()
    {
        var meta = WireJson.Parse(FixtureFiles.Bytes("info_meta.response.json"), Json.PerpMeta).Value;
        meta.Universe.Select(a => a.Name).ShouldBe(["BTC", "ETH", "ATOM", "SOL", "LOOM"]);
        meta.Universe[0].SzDecimals.ShouldBe(5);
        meta.Universe[0].MaxLeverage.ShouldBe(40);
        meta.Universe[4].IsDelisted.ShouldBeTrue();
        meta.Universe[4].OnlyIsolated.ShouldBeTrue();
        meta.Universe[4].MarginMode.ShouldBe("strictIsolated");
        meta.MarginTables[0].Id.ShouldBe(56);
        meta.MarginTables[0].Description.ShouldBe("tiered 40x");
        meta.MarginTables[0].MarginTiers[1].LowerBound.ShouldBe(150_000_000m);
        meta.MarginTables[0].MarginTiers[1].MaxLeverage.ShouldBe(20);
    }

    [Fact]
    public void Meta_and_asset_contexts_pairs_each_context_with_its_asset_and_keeps_nulls()
    {
        var both = WireJson.Parse(FixtureFiles.Bytes("info_metaAndAssetCtxs.response.json"), Json.MetaAndAssetContexts).Value;
        both.Meta.Universe.Count.ShouldBe(both.Contexts.Count);
        both.Meta.CollateralToken.ShouldBe(0);
        var btc = both.Contexts[0];
        btc.MarkPx.ShouldBe(97031.0m);
        btc.Funding.ShouldBe(0.0000125m);
        btc.ImpactPxs.ShouldBe([97030.0m, 97031.0m]);
        var delisted = both.Contexts[4];
        delisted.Premium.ShouldBeNull();
        delisted.MidPx.ShouldBeNull();
        delisted.ImpactPxs.ShouldBeNull();
    }

    [Fact]
    public void All_mids_maps_coins_including_spot_ids_to_exact_prices()
    {
        var mids = WireJson.Parse(FixtureFiles.Bytes("info_allMids.response.json"), Json.IReadOnlyDictionaryStringDecimal).Value;
        mids["BTC"].ShouldBe(113377.5m);
        mids["@107"].ShouldBe(38.112m);
    }

    [Fact]
    public void L2_book_has_bids_descending_and_asks_ascending()
    {
        var book = WireJson.Parse(FixtureFiles.Bytes("info_l2Book.response.json"), Json.L2BookSnapshot).Value;
        book.Coin.ShouldBe("BTC");
        book.Time.ShouldBe(1754450974231);
        book.Bids.Select(l => l.Px).ShouldBe([113377.0m, 113376.0m, 113375.0m]);
        book.Asks.Select(l => l.Px).ShouldBe([113378.0m, 113380.0m]);
        book.Bids[1].Sz.ShouldBe(4.13714m);
        book.Bids[0].N.ShouldBe(17);
    }

    [Fact]
    public void Clearinghouse_state_reads_cross_and_isolated_positions()
    {
        var state = WireJson.Parse(FixtureFiles.Bytes("info_clearinghouseState.response.json"), Json.ClearinghouseState).Value;
        state.MarginSummary.AccountValue.ShouldBe(13109.482328m);
        state.Withdrawable.ShouldBe(13104.514502m);
        state.Time.ShouldBe(1708622398623);
        var eth = state.AssetPositions[0].Position;
        eth.Coin.ShouldBe("ETH");
        eth.Szi.ShouldBe(0.0335m);
        eth.Leverage.IsCross.ShouldBeFalse();
        eth.Leverage.RawUsd.ShouldBe(-95.059824m);
        eth.LiquidationPx.ShouldBe(2866.26936529m);
        var btc = state.AssetPositions[1].Position;
        btc.Szi.ShouldBe(-0.00785m);
        btc.Leverage.IsCross.ShouldBeTrue();
        btc.Leverage.Value.ShouldBe(20);
        btc.LiquidationPx.ShouldBeNull();
        btc.CumFunding!.AllTime.ShouldBe(-1.2034m);
    }

    [Fact]
    public void Open_orders_read_optional_cloid_and_reduce_only()
    {
        var orders = WireJson.Parse(FixtureFiles.Bytes("info_openOrders.response.json"), Json.IReadOnlyListOpenOrder).Value;
        orders.Count.ShouldBe(3);
        orders[0].IsBuy.ShouldBeFalse();
        orders[0].Oid.ShouldBe(91490942);
        orders[0].OrigSz.ShouldBe(5.0m);
        orders[0].Cloid.ShouldBeNull();
        orders[1].Cloid.ShouldBe("0x00000000000000000000000000000001");
        orders[2].ReduceOnly.ShouldBeTrue();
    }

    [Fact]
    public void Frontend_open_orders_read_trigger_details_and_null_tif()
    {
        var orders = WireJson.Parse(FixtureFiles.Bytes("info_frontendOpenOrders.response.json"), Json.IReadOnlyListFrontendOpenOrder).Value;
        orders[0].OrderType.ShouldBe("Limit");
        orders[0].Tif.ShouldBe("Gtc");
        orders[1].IsTrigger.ShouldBeTrue();
        orders[1].TriggerPx.ShouldBe(9.995m);
        orders[1].TriggerCondition.ShouldBe("Price below 9.995");
        orders[1].Tif.ShouldBeNull();
        orders[1].Oid.ShouldBe(3184595906);
        orders[1].Children.ShouldBeEmpty();
    }

    [Fact]
    public void User_fills_read_perp_and_spot_fills_with_large_ids()
    {
        var fills = WireJson.Parse(FixtureFiles.Bytes("info_userFills.response.json"), Json.IReadOnlyListUserFill).Value;
        fills.Count.ShouldBe(2);
        fills[0].Tid.ShouldBe(118906512037719);
        fills[0].Fee.ShouldBe(0.0175m);
        fills[0].TwapId.ShouldBeNull();
        fills[1].Coin.ShouldBe("@107");
        fills[1].Oid.ShouldBe(59071663721);
        fills[1].Px.ShouldBe(18.62041381m);
        fills[1].Crossed.ShouldBeTrue();
    }

    [Fact]
    public void Order_status_reads_the_order_and_its_status()
    {
        var status = WireJson.Parse(FixtureFiles.Bytes("info_orderStatus.response.json"), Json.OrderStatusResponse).Value;
        status.IsUnknown.ShouldBeFalse();
        status.Order!.Status.ShouldBe("filled");
        status.Order.Order.Tif.ShouldBe("FrontendMarket");
        status.Order.Order.OrigSz.ShouldBe(0.0076m);
        status.Order.StatusTimestamp.ShouldBe(1724361546645);
    }

    [Fact]
    public void Order_status_of_an_unknown_oid_says_so()
    {
        var status = WireJson.Parse(FixtureFiles.Bytes("info_orderStatus.unknown.response.json"), Json.OrderStatusResponse).Value;
        status.IsUnknown.ShouldBeTrue();
        status.Status.ShouldBe("unknownOid");
    }

    [Fact]
    public void Candles_read_string_ohlcv_and_case_sensitive_times()
    {
        var candles = WireJson.Parse(FixtureFiles.Bytes("info_candleSnapshot.response.json"), Json.IReadOnlyListCandle).Value;
        var c = candles.ShouldHaveSingleItem();
        c.OpenTime.ShouldBe(1681923600000);
        c.CloseTime.ShouldBe(1681924499999);
        c.Interval.ShouldBe("15m");
        c.Open.ShouldBe(29295.0m);
        c.Low.ShouldBe(29250.0m);
        c.Volume.ShouldBe(0.98639m);
        c.TradeCount.ShouldBe(189);
    }

    [Fact]
    public void Funding_history_reads_negative_rates()
    {
        var entry = WireJson.Parse(FixtureFiles.Bytes("info_fundingHistory.response.json"), Json.IReadOnlyListFundingRateEntry).Value.ShouldHaveSingleItem();
        entry.FundingRate.ShouldBe(-0.00022196m);
        entry.Premium.ShouldBe(-0.00052196m);
        entry.Time.ShouldBe(1683849600076);
    }

    [Fact]
    public void User_rate_limit_reads_usage_and_cap()
    {
        var limit = WireJson.Parse(FixtureFiles.Bytes("info_userRateLimit.response.json"), Json.UserRateLimit).Value;
        limit.NRequestsUsed.ShouldBe(2890);
        limit.NRequestsCap.ShouldBe(2864574);
        limit.CumVlm.ShouldBe(2854574.593578m);
    }

    [Fact]
    public void User_rate_limit_without_the_newer_surplus_field_still_parses()
    {
        var limit = WireJson.Parse("""{"cumVlm":"1.0","nRequestsUsed":1,"nRequestsCap":10001}"""u8, Json.UserRateLimit).Value;
        limit.NRequestsSurplus.ShouldBe(0);
    }
}
