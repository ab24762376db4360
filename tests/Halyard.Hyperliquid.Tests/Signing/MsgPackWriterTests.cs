using System.Text.Json;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Tests.Signing;

public class MsgPackWriterTests
{
    private static string Encode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Convert.ToHexStringLower(JsonMsgPackEncoder.Encode(doc.RootElement));
    }

    [Theory]
    [InlineData("0", "00")]
    [InlineData("127", "7f")]
    [InlineData("128", "cc80")]
    [InlineData("255", "ccff")]
    [InlineData("256", "cd0100")]
    [InlineData("65536", "ce00010000")]
    [InlineData("4294967296", "cf0000000100000000")]
    [InlineData("18446744073709551615", "cfffffffffffffffff")]
    [InlineData("-1", "ff")]
    [InlineData("-32", "e0")]
    [InlineData("-33", "d0df")]
    [InlineData("-129", "d1ff7f")]
    [InlineData("-32769", "d2ffff7fff")]
    [InlineData("-2147483649", "d3ffffffff7fffffff")]
    public void Integers_use_the_smallest_encoding_like_python_msgpack(string json, string hex) => Encode(json).ShouldBe(hex);

    [Fact]
    public void Strings_of_32_to_255_bytes_use_str8()
    {
        Encode("\"0x00000000000000000000000000000001\"").ShouldStartWith("d922");
        Encode("\"" + new string('a', 31) + "\"").ShouldStartWith("bf");
        Encode("\"" + new string('a', 256) + "\"").ShouldStartWith("da0100");
    }

    [Fact]
    public void Maps_keep_the_document_key_order_and_switch_to_map16_at_16_entries()
    {
        Encode("""{"b":1,"a":2}""").ShouldBe("82a16201a16102");
        var sixteen = "{" + string.Join(",", Enumerable.Range(0, 16).Select(i => $"\"k{i:x}\":true")) + "}";
        Encode(sixteen).ShouldStartWith("de0010");
        Encode("[null,false,true]").ShouldBe("93c0c2c3");
    }

    [Fact]
    public void A_float_in_an_action_is_refused_with_its_path()
    {
        var error = Should.Throw<FormatException>(() => Encode("""{"orders":[{"p":1.5}]}"""));
        error.Message.ShouldContain("action.orders[0].p");
    }

    [Fact]
    public void Writing_more_or_fewer_elements_than_announced_fails()
    {
        var writer = new MsgPackWriter();
        writer.WriteMapStart(1);
        writer.WriteKey("a"u8);
        writer.WriteBool(true);
        Should.Throw<InvalidOperationException>(() => writer.WriteBool(false));

        var short_ = new MsgPackWriter();
        short_.WriteArrayStart(2);
        short_.WriteBool(true);
        Should.Throw<InvalidOperationException>(() => short_.WriteArrayEnd());
    }
}
