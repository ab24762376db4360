using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Wire;

public class UserSignedActionTests
{
    private static readonly PrivateKey Key = PrivateKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");

    [Fact]
    public void Typed_usd_send_reproduces_the_python_vector()
    {
        var vector = SigningVectors.User("py_usd_send_testnet");
        var action = new UsdSendAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", 1m, 1687816341423);
        UserSignedHasher.Digest(action, isMainnet: false).ToString().ShouldBe(vector.GetProperty("derived").GetProperty("eip712_digest").GetString());
        var signature = new HyperliquidSigner(Key, isMainnet: false).SignUserAction(action);
        signature.RHex.ShouldBe(vector.GetProperty("expected").GetProperty("r").GetString());
        signature.V.ShouldBe(vector.GetProperty("expected").GetProperty("v").GetInt32());
    }

    [Fact]
    public void Typed_withdraw_reproduces_the_python_vector()
    {
        var vector = SigningVectors.User("py_withdraw_testnet");
        var signature = new HyperliquidSigner(Key, isMainnet: false)
            .SignUserAction(new WithdrawAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", 1m, 1687816341423));
        signature.SHex.ShouldBe(vector.GetProperty("expected").GetProperty("s").GetString());
    }

    public static TheoryData<IUserSignedAction> AllKinds() =>
    [
        new UsdSendAction("0x5E9EE1089755C3435139848E47E6635505D5A13A", 12.5m, 1),
        new WithdrawAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", 2m, 2),
        new UsdClassTransferAction(3.25m, true, 3, "0x1719884eb866cb12b2287399b15f7db5e7d775ea"),
        new SpotSendAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", "PURR:0xc4bf3f870c0e9465323c0b6ed28096c2", 4m, 4),
        new ApproveAgentAction("0x1719884eb866cb12b2287399b15f7db5e7d775ea", null, 5),
        new ApproveAgentAction("0x1719884eb866cb12b2287399b15f7db5e7d775ea", "bot valid_until 1800000000000", 6),
        new ApproveBuilderFeeAction("0.001%", "0x1719884eb866cb12b2287399b15f7db5e7d775ea", 7),
        new SendAssetAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", "", "spot", "USDC", 8m, null, 8),
    ];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Json_and_signature_come_from_one_schema_on_both_networks(IUserSignedAction action)
    {
        foreach (bool mainnet in new[] { true, false })
        {
            var signer = new HyperliquidSigner(Key, mainnet, signatureChainId: 0xa4b1);
            var signature = signer.SignUserAction(action);
            var json = ToJson(action, mainnet, 0xa4b1);
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            root.GetProperty("type").GetString().ShouldBe(action.Schema.WireType);
            root.GetProperty("signatureChainId").GetString().ShouldBe("0xa4b1");
            root.GetProperty("hyperliquidChain").GetString().ShouldBe(mainnet ? "Mainnet" : "Testnet");
            UserSignedHasher.Digest(root).ShouldBe(UserSignedHasher.Digest(action, mainnet, 0xa4b1));
            SignatureVerifier.RecoverUserSigner(root, signature).ShouldBe(Key.Address);
            UserSignedMessage.Read(root).Nonce.ShouldBe(action.Nonce);
        }
    }

    [Fact]
    public void Unnamed_agent_is_signed_over_an_empty_name_and_the_key_is_omitted_on_the_wire()
    {
        var unnamed = new ApproveAgentAction("0x1719884eb866cb12b2287399b15f7db5e7d775ea", null, 5);
        var json = ToJson(unnamed, true, Eip712.DefaultSignatureChainId);
        json.ShouldNotContain("agentName");
        var named = new ApproveAgentAction("0x1719884eb866cb12b2287399b15f7db5e7d775ea", "", 5);
        UserSignedHasher.Digest(named, true).ShouldBe(UserSignedHasher.Digest(unnamed, true));
    }

    [Fact]
    public void Malformed_user_actions_name_the_field()
    {
        Should.Throw<ArgumentException>(() => new UsdSendAction("0xabc", 1m, 1)).Message.ShouldContain("destination");
        Should.Throw<ArgumentException>(() => new UsdSendAction("0x5e9ee1089755c3435139848e47e6635505d5a13a", 0m, 1)).Message.ShouldContain("amount");
        Should.Throw<ArgumentException>(() => new ApproveBuilderFeeAction("0.001", "0x5e9ee1089755c3435139848e47e6635505d5a13a", 1)).Message.ShouldContain("maxFeeRate");
        using var missing = JsonDocument.Parse("""{"type":"usdSend","signatureChainId":"0x66eee","hyperliquidChain":"Testnet","destination":"0x5e9ee1089755c3435139848e47e6635505d5a13a","time":1}""");
        Should.Throw<FormatException>(() => UserSignedHasher.Digest(missing.RootElement)).Message.ShouldContain("action.amount");
        using var badChain = JsonDocument.Parse("""{"type":"usdSend","signatureChainId":"66eee","hyperliquidChain":"Testnet"}""");
        Should.Throw<FormatException>(() => UserSignedHasher.Digest(badChain.RootElement)).Message.ShouldContain("signatureChainId");
    }

    [Fact]
    public void A_signer_refuses_json_for_the_other_network()
    {
        var vector = SigningVectors.User("py_usd_send_testnet");
        Should.Throw<ArgumentException>(() => new HyperliquidSigner(Key, isMainnet: true).SignUserAction(vector.GetProperty("action")))
            .Message.ShouldContain("hyperliquidChain");
    }

    private static string ToJson(IUserSignedAction action, bool mainnet, ulong chainId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) UserSignedActionJson.Write(json, action, mainnet, chainId);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
