using Halyard.Hyperliquid.Tests.Fixtures;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Tests.Wire;

public class ExchangeResponseParsingTests
{
    private static ExchangeResponse Parse(string fixture) =>
        WireJson.Parse(FixtureFiles.Bytes(fixture), HyperliquidJsonContext.Default.ExchangeResponse).Value;

    [Fact]
    public void A_resting_order_carries_its_oid()
    {
        var response = Parse("exchange_order.resting.response.json");
        response.IsOk.ShouldBeTrue();
        response.ResponseType.ShouldBe("order");
        var status = response.Statuses.ShouldHaveSingleItem();
        status.Kind.ShouldBe(ExchangeStatusKind.Resting);
        status.Oid.ShouldBe(77738308);
        status.Cloid.ShouldBeNull();
    }

    [Fact]
    public void A_resting_order_echoes_its_cloid()
    {
        var status = Parse("exchange_order.resting_with_cloid.response.json").Statuses.ShouldHaveSingleItem();
        status.Oid.ShouldBe(77738309);
        status.Cloid.ShouldBe("0x00000000000000000000000000000001");
    }

    [Fact]
    public void A_filled_order_carries_total_size_and_average_price()
    {
        var status = Parse("exchange_order.filled.response.json").Statuses.ShouldHaveSingleItem();
        status.Kind.ShouldBe(ExchangeStatusKind.Filled);
        status.TotalSz.ShouldBe(0.02m);
        status.AvgPx.ShouldBe(1891.4m);
        status.Oid.ShouldBe(77747314);
    }

    [Fact]
    public void A_per_order_error_sits_inside_an_ok_envelope()
    {
        var response = Parse("exchange_order.error.response.json");
        response.IsOk.ShouldBeTrue();
        var status = response.Statuses.ShouldHaveSingleItem();
        status.Kind.ShouldBe(ExchangeStatusKind.Error);
        status.Error.ShouldBe("Order must have minimum value of $10.");
    }

    [Fact]
    public void A_mixed_batch_keeps_one_status_per_order_in_order()
    {
        var statuses = Parse("exchange_order.mixed_batch.response.json").Statuses;
        statuses.Select(s => s.Kind).ShouldBe([ExchangeStatusKind.Resting, ExchangeStatusKind.Filled, ExchangeStatusKind.Error, ExchangeStatusKind.WaitingForTrigger]);
        statuses[2].Error!.ShouldStartWith("Post only order would have immediately matched");
    }

    [Fact]
    public void Cancel_statuses_read_success_and_error()
    {
        Parse("exchange_cancel.success.response.json").Statuses.ShouldHaveSingleItem().Kind.ShouldBe(ExchangeStatusKind.Success);
        var error = Parse("exchange_cancel.error.response.json").Statuses.ShouldHaveSingleItem();
        error.Kind.ShouldBe(ExchangeStatusKind.Error);
        error.Error.ShouldBe("Order was never placed, already canceled, or filled.");
    }

    [Fact]
    public void A_default_ok_has_no_statuses()
    {
        var response = Parse("exchange_default.ok.response.json");
        response.IsOk.ShouldBeTrue();
        response.ResponseType.ShouldBe("default");
        response.Statuses.ShouldBeEmpty();
    }

    [Fact]
    public void A_top_level_err_carries_the_message()
    {
        var response = Parse("exchange_error.toplevel.response.json");
        response.IsOk.ShouldBeFalse();
        response.Error.ShouldBe("User or API Wallet 0x0123456789abcdef0123456789abcdef01234567 does not exist.");
    }

    [Fact]
    public void Waiting_for_fill_and_unknown_status_strings_are_kept()
    {
        var response = WireJson.Parse("""{"status":"ok","response":{"type":"order","data":{"statuses":["waitingForFill","somethingNew",{"brandNew":{"x":1}}]}}}"""u8,
            HyperliquidJsonContext.Default.ExchangeResponse).Value;
        response.Statuses[0].Kind.ShouldBe(ExchangeStatusKind.WaitingForFill);
        response.Statuses[1].Kind.ShouldBe(ExchangeStatusKind.Unknown);
        response.Statuses[1].RawText.ShouldBe("somethingNew");
        response.Statuses[2].Kind.ShouldBe(ExchangeStatusKind.Unknown);
        response.Statuses[2].RawText.ShouldBe("brandNew");
    }

    [Fact]
    public void A_response_written_back_reads_the_same()
    {
        var original = Parse("exchange_order.mixed_batch.response.json");
        byte[] json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(original, HyperliquidJsonContext.Default.ExchangeResponse);
        var again = WireJson.Parse(json, HyperliquidJsonContext.Default.ExchangeResponse).Value;
        again.Statuses.ShouldBe(original.Statuses);
    }
}
