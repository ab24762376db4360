using System.Text.Json;

namespace Halyard.Simulator.Tests.Support;

/// <summary>The shape comparison the fixture tests rely on catches renamed fields, wrong kinds and lost nesting.</summary>
public sealed class ShapesTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void A_fixture_matches_itself()
    {
        var fixture = Shapes.Fixture("info_clearinghouseState.response.json");
        Shapes.Differences(fixture, fixture, "rawUsd").ShouldBeEmpty(); // positions differ only in the isolated-only field
    }

    [Fact]
    public void Renamed_fields_wrong_kinds_and_flattened_nesting_are_reported()
    {
        var fixture = Shapes.Fixture("info_l2Book.response.json");
        Shapes.Differences(fixture, Parse("""{"coin":"BTC","time":"1","levels":[[{"px":"1","sz":"1","n":1}],[]]}""")).ShouldBe(["$.time: expected number, got string"]);
        Shapes.Differences(fixture, Parse("""{"coin":"BTC","time":1,"levels":[[{"price":"1","sz":"1","n":1}],[]]}"""))
            .ShouldBe(["$.levels[0][0].px: missing", "$.levels[0][0].price: not in the fixture"]);
        Shapes.Differences(fixture, Parse("""{"coin":"BTC","time":1,"levels":[{"px":"1","sz":"1","n":1}]}""")).ShouldBe(["$.levels[0]: expected array, got object"]);
    }

    [Fact]
    public void Mixed_arrays_are_compared_position_by_position()
    {
        var fixture = Shapes.Fixture("exchange_order.mixed_batch.response.json");
        var swapped = Parse("""{"status":"ok","response":{"type":"order","data":{"statuses":[{"resting":{"oid":1}},{"filled":{"totalSz":"1","avgPx":"1","oid":2}},"waitingForTrigger",{"error":"x"}]}}}""");
        Shapes.Differences(fixture, swapped).ShouldNotBeEmpty();
    }
}
