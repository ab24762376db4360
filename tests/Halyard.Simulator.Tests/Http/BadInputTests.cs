using System.Net;
using System.Text.Json;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Http;

/// <summary>Malformed and invalid requests get the exchange's error shape naming the field, and the server keeps serving.</summary>
public sealed class BadInputTests
{
    private const string ValidOrder = """{"a":0,"b":true,"p":"90000","s":"0.001","r":false,"t":{"limit":{"tif":"Gtc"}}}""";

    private static async Task ShouldStillServe(TestSimulator sim)
    {
        var (status, body) = await sim.InfoAsync("""{"type":"allMids"}""");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("BTC").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("[1,2")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"action\":{\"type\":\"order\"}}")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[]},\"nonce\":1,\"signature\":{\"r\":\"0x1\",\"s\":\"0x2\",\"v\":99}}")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[]},\"nonce\":\"soon\",\"signature\":{\"r\":\"0x1\",\"s\":\"0x2\",\"v\":27}}")]
    [InlineData("{\"action\":{\"type\":\"order\",\"orders\":[]},\"nonce\":1,\"signature\":{\"r\":\"zz\",\"s\":\"0x2\",\"v\":27}}")]
    public async Task Malformed_exchange_requests_get_a_top_level_error(string body)
    {
        await using var sim = await TestSimulator.StartAsync();
        var answer = await sim.ActAsync(body);
        answer.ShouldMatchFixture("exchange_error.toplevel.response.json");
        await ShouldStillServe(sim);
    }

    [Theory]
    [InlineData("{bad", "Failed to deserialize")]
    [InlineData("{\"type\":\"nope\"}", "unknown variant `nope`")]
    [InlineData("{\"coin\":\"BTC\"}", "missing field `type`")]
    [InlineData("{\"type\":\"l2Book\",\"coin\":\"DOGE\"}", "unknown coin `DOGE`")]
    [InlineData("{\"type\":\"l2Book\"}", "missing field `coin`")]
    [InlineData("{\"type\":\"l2Book\",\"coin\":\"BTC\",\"nSigFigs\":7}", "nSigFigs")]
    [InlineData("{\"type\":\"clearinghouseState\",\"user\":\"bob\"}", "field `user`")]
    [InlineData("{\"type\":\"userFillsByTime\",\"user\":\"0x0000000000000000000000000000000000000001\"}", "missing field `startTime`")]
    [InlineData("{\"type\":\"candleSnapshot\",\"req\":{\"coin\":\"BTC\",\"interval\":\"7m\",\"startTime\":0,\"endTime\":1}}", "req.interval")]
    [InlineData("{\"type\":\"orderStatus\",\"user\":\"0x0000000000000000000000000000000000000001\",\"oid\":\"xyz\"}", "field `oid`")]
    public async Task Invalid_info_requests_get_422_with_an_error_naming_the_field(string body, string expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        var (status, answer) = await sim.InfoAsync(body);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.GetProperty("status").GetString().ShouldBe("err");
        answer.GetProperty("response").GetString()!.ShouldContain(expected);
        await ShouldStillServe(sim);
    }

    [Theory]
    [InlineData("""{"type":"order","orders":[],"grouping":"na"}""", "action.orders is empty")]
    [InlineData("""{"type":"order","orders":[{"a":99,"b":true,"p":"1","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "unknown asset 99")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":"yes","p":"1","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "action.orders[0].b")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"abc","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "action.orders[0].p")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"-","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "action.orders[0].s")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"1","t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""", "action.orders[0].r")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"1","r":false,"t":{"limit":{"tif":"Day"}}}],"grouping":"na"}""", "action.orders[0].t.limit.tif")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"1","r":false,"t":{"trigger":{"isMarket":true,"triggerPx":"1","tpsl":"xx"}}}],"grouping":"na"}""", "tpsl")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}},"c":"0x12"}],"grouping":"na"}""", "action.orders[0].c")]
    [InlineData("""{"type":"order","orders":[{"a":0,"b":true,"p":"1","s":"1","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"maybe"}""", "action.grouping")]
    [InlineData("""{"type":"cancel","cancels":[{"a":0}]}""", "action.cancels[0].o")]
    [InlineData("""{"type":"cancelByCloid","cancels":[{"asset":0,"cloid":"nope"}]}""", "action.cancels[0].cloid")]
    [InlineData("""{"type":"modify","oid":1}""", "missing field `action.order`")]
    [InlineData("""{"type":"updateLeverage","asset":7,"isCross":true,"leverage":2}""", "unknown asset 7")]
    [InlineData("""{"type":"scheduleCancel","time":"later"}""", "action.time")]
    [InlineData("""{"type":"teleport"}""", "unknown or unsupported action type `teleport`")]
    public async Task Invalid_action_fields_get_a_top_level_error_naming_the_field(string action, string expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var answer = await sim.ActAsync(wallet.SignRaw(action));
        answer.ShouldMatchFixture("exchange_error.toplevel.response.json");
        answer.GetProperty("response").GetString()!.ShouldContain(expected);
        await ShouldStillServe(sim);
    }

    [Fact]
    public async Task An_oversize_batch_is_rejected_whole()
    {
        await using var sim = await TestSimulator.StartAsync(o => o with { MaxBatchSize = 50 });
        var wallet = await sim.FundedWalletAsync();
        string orders = string.Join(",", Enumerable.Repeat(ValidOrder, 51));
        var answer = await sim.ActAsync(wallet.SignRaw($$"""{"type":"order","orders":[{{orders}}],"grouping":"na"}"""));
        answer.GetProperty("response").GetString()!.ShouldContain("at most 50");
        (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{wallet.Address}}"}""")).Body.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_float_inside_an_action_is_refused_because_actions_carry_only_integers_and_strings()
    {
        await using var sim = await TestSimulator.StartAsync();
        string body = """{"action":{"type":"updateLeverage","asset":0,"isCross":true,"leverage":2.5},"nonce":1,"signature":{"r":"0x01","s":"0x02","v":27},"vaultAddress":null}""";
        (await sim.ActAsync(body)).GetProperty("status").GetString().ShouldBe("err");
        await ShouldStillServe(sim);
    }
}
