using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Wire;

public class L1ActionWireTests
{
    private static readonly Cloid CloidOne = Cloid.Parse("0x00000000000000000000000000000001");

    public static TheoryData<string, IL1Action> TypedVectors() => new()
    {
        { "py_phantom_agent_order_ioc", new OrderAction(new OrderWire(4, true, "1670.1", "0.0147", false, OrderTypeWire.Ioc)) },
        { "py_order_gtc_mainnet", new OrderAction(new OrderWire(1, true, "100", "100", false, OrderTypeWire.Gtc)) },
        { "py_order_gtc_cloid_testnet", new OrderAction(new OrderWire(1, true, "100", "100", false, OrderTypeWire.Gtc, CloidOne)) },
        { "py_order_trigger_sl_mainnet", new OrderAction(new OrderWire(1, true, "100", "100", false, OrderTypeWire.Trigger(true, "103", TpSl.StopLoss))) },
        { "py_schedule_cancel_unset_mainnet", new ScheduleCancelAction() },
        { "py_schedule_cancel_time_testnet", new ScheduleCancelAction(123456789) },
    };

    [Theory]
    [MemberData(nameof(TypedVectors))]
    public void Typed_action_hashes_to_the_vector_bytes(string id, IL1Action action)
    {
        var vector = SigningVectors.L1(id);
        Convert.ToHexStringLower(L1ActionHasher.MsgPack(action)).ShouldBe(vector.GetProperty("derived").GetProperty("msgpack_hex").GetString());
    }

    public static TheoryData<IL1Action> AllKinds() =>
    [
        new OrderAction([
            new OrderWire(0, true, "97123", "0.001", false, OrderTypeWire.Alo, Cloid.Parse("0xABCDEF00000000000000000000000001")),
            new OrderWire(0, false, "99000", "0.001", true, OrderTypeWire.Trigger(false, "98000.5", TpSl.TakeProfit)),
        ], OrderGrouping.NormalTpsl, new BuilderFee("0x1719884EB866CB12B2287399B15F7DB5E7D775EA", 10)),
        new CancelAction([new CancelWire(3, 82382), new CancelWire(10001, ulong.MaxValue)]),
        new CancelByCloidAction([new CancelByCloidWire(1, CloidOne)]),
        new ModifyAction(77738308UL, new OrderWire(2, false, "0.5", "1000", false, OrderTypeWire.Gtc)),
        new ModifyAction(CloidOne, new OrderWire(2, false, "0.5", "1000", false, OrderTypeWire.Gtc)),
        new BatchModifyAction([new ModifyWire(1UL, new OrderWire(1, true, "1", "2", false, OrderTypeWire.Ioc))]),
        new ScheduleCancelAction(1754451000000),
        new UpdateLeverageAction(1, true, 10),
        new UpdateIsolatedMarginAction(1, true, -1_000_000),
        NoopAction.Instance,
    ];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Json_body_and_hashed_msgpack_come_from_one_description(IL1Action action)
    {
        var json = ToJson(action);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("type").GetString().ShouldBe(action.Type);
        Convert.ToHexStringLower(JsonMsgPackEncoder.Encode(doc.RootElement)).ShouldBe(Convert.ToHexStringLower(L1ActionHasher.MsgPack(action)));
    }

    [Fact]
    public void Order_json_has_the_venue_key_order_and_omits_absent_keys()
    {
        ToJson(new OrderAction(new OrderWire(4, true, "1670.1", "0.0147", false, OrderTypeWire.Ioc)))
            .ShouldBe("""{"type":"order","orders":[{"a":4,"b":true,"p":"1670.1","s":"0.0147","r":false,"t":{"limit":{"tif":"Ioc"}}}],"grouping":"na"}""");
        ToJson(new OrderAction([new OrderWire(1, false, "100", "1", true, OrderTypeWire.Trigger(true, "103", TpSl.StopLoss), CloidOne)],
                OrderGrouping.PositionTpsl, new BuilderFee("0x1719884eb866cb12b2287399b15f7db5e7d775ea", 10)))
            .ShouldBe("""{"type":"order","orders":[{"a":1,"b":false,"p":"100","s":"1","r":true,"t":{"trigger":{"isMarket":true,"triggerPx":"103","tpsl":"sl"}},"c":"0x00000000000000000000000000000001"}],"grouping":"positionTpsl","builder":{"b":"0x1719884eb866cb12b2287399b15f7db5e7d775ea","f":10}}""");
        ToJson(new ModifyAction(CloidOne, new OrderWire(2, false, "0.5", "1000", false, OrderTypeWire.Gtc)))
            .ShouldStartWith("""{"type":"modify","oid":"0x00000000000000000000000000000001","order":{"a":2""");
    }

    [Theory]
    [InlineData("100.0", "p (price)")]
    [InlineData("1e5", "p (price)")]
    [InlineData("-1", "p (price)")]
    [InlineData("0.123456789", "p (price)")]
    public void Malformed_price_strings_are_refused_naming_the_field(string price, string field)
    {
        var error = Should.Throw<ArgumentException>(() => new OrderWire(0, true, price, "1", false, OrderTypeWire.Gtc));
        error.Message.ShouldContain(field);
    }

    [Fact]
    public void Malformed_inputs_name_their_field()
    {
        Should.Throw<ArgumentException>(() => new OrderWire(0, true, "1", "1.50", false, OrderTypeWire.Gtc)).Message.ShouldContain("s (size)");
        Should.Throw<ArgumentException>(() => OrderTypeWire.Trigger(true, "01", TpSl.TakeProfit)).Message.ShouldContain("triggerPx");
        Should.Throw<ArgumentException>(() => new BuilderFee("0x12", 1)).Message.ShouldContain("builder.b");
        Should.Throw<ArgumentException>(() => new OrderAction([])).Message.ShouldContain("orders");
        Should.Throw<FormatException>(() => Cloid.Parse("0x1234")).Message.ShouldContain("cloid");
        Should.Throw<FormatException>(() => L1ActionHasher.ConnectionId(NoopAction.Instance, 1, "0xnotanaddress")).Message.ShouldContain("vaultAddress");
    }

    [Fact]
    public void Cloid_round_trips_in_lowercase()
    {
        var cloid = Cloid.Parse("0xABCDEF0123456789ABCDEF0123456789");
        cloid.ToString().ShouldBe("0xabcdef0123456789abcdef0123456789");
        Cloid.Parse(cloid.ToString()).ShouldBe(cloid);
        Cloid.NewRandom().ToString().Length.ShouldBe(34);
    }

    [Fact]
    public void Exchange_body_carries_action_nonce_padded_signature_vault_and_expiry()
    {
        var key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        var signer = new HyperliquidSigner(key, isMainnet: false);
        var action = new CancelAction([new CancelWire(1, 2)]);
        var signed = signer.SignL1(action, 5, "0x1719884EB866CB12B2287399B15F7DB5E7D775EA", 99);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            ExchangeRequestJson.WriteL1(json, action, 5, signed.Signature, "0x1719884EB866CB12B2287399B15F7DB5E7D775EA", 99);
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        var root = doc.RootElement;
        root.GetProperty("nonce").GetUInt64().ShouldBe(5UL);
        root.GetProperty("vaultAddress").GetString().ShouldBe("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
        root.GetProperty("expiresAfter").GetUInt64().ShouldBe(99UL);
        root.GetProperty("signature").GetProperty("r").GetString()!.Length.ShouldBe(66);
        var parsed = EcdsaSignature.Parse(root.GetProperty("signature"));
        SignatureVerifier.RecoverL1Signer(root.GetProperty("action"), 5, root.GetProperty("vaultAddress").GetString(), 99, false, parsed)
            .ShouldBe(key.Address);
    }

    private static string ToJson(IL1Action action)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) action.WriteTo(new JsonWireWriter(json));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
