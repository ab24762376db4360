using System.Text.Json;
using Halyard.Core.Model;
using Halyard.Persistence.Redis;
using Halyard.Persistence.Redis.Json;

namespace Halyard.Persistence.Tests.Redis;

public sealed class OrderEventCodecTests
{
    [Fact]
    public void Every_order_event_type_round_trips_with_exact_prices()
    {
        IReadOnlyList<IOrderEvent> events = SampleOrderEvents.OneOfEach("O-1");
        Enum.GetValues<OrderEventKind>().ShouldBe(events.Select(e => e.Kind), ignoreOrder: true);
        long seq = 1;
        foreach (IOrderEvent original in events)
        {
            string json = OrderEventCodec.Encode(original, seq);
            var (readSeq, read) = OrderEventCodec.Decode(json, "k");
            readSeq.ShouldBe(seq++);
            read.GetType().ShouldBe(original.GetType());
            JsonSerializer.Serialize(read, read.GetType(), StateJson.Options).ShouldBe(JsonSerializer.Serialize(original, original.GetType(), StateJson.Options));
            read.EventId.ShouldBe(original.EventId);
            read.TsEvent.ShouldBe(original.TsEvent);
        }
        var fill = (OrderFilled)OrderEventCodec.Decode(OrderEventCodec.Encode(events[^1], 9), "k").Event;
        fill.LastPx.Raw.ShouldBe(97000_123456789L);
        fill.LastPx.Precision.ShouldBe((byte)9);
        fill.LastQty.ShouldBe(Quantity.Parse("0.00077"));
        fill.LastQty.Precision.ShouldBe((byte)5);
        fill.Commission.ShouldBe(new Money(-0.000012m, Currency.Usdc));
        var init = (OrderInitialized)OrderEventCodec.Decode(OrderEventCodec.Encode(events[0], 1), "k").Event;
        init.TriggerPrice.ShouldBe(Price.Parse("96000.25"));
        init.Tags.ShouldBe(["entry", "ema"]);
    }

    [Fact]
    public void A_price_with_more_digits_than_its_precision_keeps_every_digit()
    {
        Price computed = Price.FromRaw(97_000_123_456_789L, 2);
        string json = JsonSerializer.Serialize(computed, StateJson.Options);
        json.ShouldBe("\"97000.123456789@2\"");
        Price read = JsonSerializer.Deserialize<Price>(json, StateJson.Options);
        read.Raw.ShouldBe(computed.Raw);
        read.Precision.ShouldBe((byte)2);
        JsonSerializer.Serialize(Price.Parse("97000.10"), StateJson.Options).ShouldBe("\"97000.10\"");
    }

    [Fact]
    public void Decimals_are_written_as_exact_strings()
    {
        string json = JsonSerializer.Serialize(new Money(0.1000000000000000000000000001m, Currency.Usdc), StateJson.Options);
        json.ShouldContain("\"0.1000000000000000000000000001\"");
        JsonSerializer.Deserialize<Money>(json, StateJson.Options).Amount.ShouldBe(0.1000000000000000000000000001m);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"seq\":1,\"type\":\"Exploded\",\"event\":{}}")]
    [InlineData("{\"seq\":1,\"type\":\"Filled\",\"event\":{\"LastPx\":\"abc\"}}")]
    [InlineData("{\"type\":\"Filled\",\"event\":{}}")]
    public void A_malformed_envelope_names_its_key(string json)
    {
        var ex = Should.Throw<StoredStateException>(() => OrderEventCodec.Decode(json, "halyard:T:order:O-1[3]"));
        ex.Key.ShouldBe("halyard:T:order:O-1[3]");
        ex.Message.ShouldContain("halyard:T:order:O-1[3]");
    }
}
