using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Tests.Wire;

public class MalformedInputTests
{
    private static readonly HyperliquidJsonContext Json = HyperliquidJsonContext.Default;

    [Fact]
    public void A_price_that_is_not_a_number_names_the_field()
    {
        var result = WireJson.Parse("""{"coin":"BTC","time":1,"levels":[[{"px":"abc","sz":"1","n":1}],[]]}"""u8, Json.L2BookSnapshot);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ApiErrorKind.Malformed);
        result.Error.Message.ShouldContain("$.levels[0][0].px");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var result = WireJson.Parse("""[{"coin":"ETH","side":"B","sz":"1","oid":1,"timestamp":1,"origSz":"1"}]"""u8, Json.IReadOnlyListOpenOrder);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldContain("limitPx");
    }

    [Fact]
    public void A_null_where_a_value_is_required_is_named()
    {
        var result = WireJson.Parse("""{"coin":null,"time":1,"levels":[[],[]]}"""u8, Json.L2BookSnapshot);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldContain("coin");
    }

    [Fact]
    public void Truncated_json_is_a_malformed_result_not_an_exception()
    {
        var result = WireJson.Parse("""{"universe":[{"name":"BTC","szDeci"""u8, Json.PerpMeta);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ApiErrorKind.Malformed);
        result.Error.Message.ShouldStartWith("invalid PerpMeta at '$");
    }

    [Fact]
    public void Unknown_fields_are_ignored_everywhere()
    {
        var result = WireJson.Parse("""{"status":"order","brandNew":{"x":[1,2]},"order":{"order":{"coin":"ETH","side":"A","limitPx":"1","sz":"0","oid":1,"timestamp":1,"origSz":"1","maxTradeSzs":["1","2"]},"status":"someFutureStatus","statusTimestamp":5}}"""u8, Json.OrderStatusResponse);
        result.Value.Order!.Status.ShouldBe("someFutureStatus");
    }

    [Fact]
    public void A_meta_and_contexts_pair_with_mismatched_lengths_is_rejected()
    {
        var result = WireJson.Parse("""[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[]]"""u8, Json.MetaAndAssetContexts);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldContain("1 assets but 0 contexts");
    }

    [Fact]
    public void An_exchange_answer_without_status_is_malformed()
    {
        var result = WireJson.Parse("""{"response":{"type":"default"}}"""u8, Json.ExchangeResponse);
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldContain("status");
    }
}
