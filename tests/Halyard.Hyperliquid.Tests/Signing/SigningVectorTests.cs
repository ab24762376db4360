using System.Text.Json;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Tests.Signing;

public class SigningVectorTests
{
    public static IEnumerable<TheoryDataRow<string, string>> SignedL1WithBackends() =>
        from id in SigningVectors.IdList("l1_vectors", requireKey: true) from backend in BackendNames() select new TheoryDataRow<string, string>(id, backend);

    public static IEnumerable<TheoryDataRow<string, string>> UserWithBackends() =>
        from id in SigningVectors.IdList("user_signed_vectors") from backend in BackendNames() select new TheoryDataRow<string, string>(id, backend);

    private static string[] BackendNames() => ["native", "managed"];

    internal static ISecp256k1 Backend(string name) => name == "native"
        ? Secp256k1Backends.Native ?? throw new InvalidOperationException("libsecp256k1 did not load: " + NativeSecp256k1.LoadFailure)
        : Secp256k1Backends.Managed;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Theory]
    [MemberData(nameof(SigningVectors.L1Ids), MemberType = typeof(SigningVectors))]
    public void L1_vector_msgpack_preimage_and_connection_id_match(string id)
    {
        var v = SigningVectors.L1(id);
        var derived = v.GetProperty("derived");
        var msgpack = JsonMsgPackEncoder.Encode(v.GetProperty("action"));
        Hex(msgpack).ShouldBe(derived.GetProperty("msgpack_hex").GetString());

        ulong nonce = v.GetProperty("nonce").GetUInt64();
        string? vault = v.OptionalString("vault_address");
        ulong? expires = v.OptionalUInt64("expires_after");
        Hex(L1ActionHasher.HashPreimage(msgpack, nonce, vault, expires)).ShouldBe(derived.GetProperty("hash_preimage_hex").GetString());

        var connectionId = L1ActionHasher.ConnectionId(msgpack, nonce, vault, expires);
        if (v.GetProperty("expected").TryGetProperty("connection_id", out var stated))
            connectionId.ToString().ShouldBe(stated.GetString());
        connectionId.ToString().ShouldBe(derived.GetProperty("connection_id").GetString());
        L1ActionHasher.ConnectionId(v.GetProperty("action"), nonce, vault, expires).ShouldBe(connectionId);

        if (derived.TryGetProperty("eip712_digest", out var digest))
            Eip712.L1Digest(connectionId, v.GetProperty("is_mainnet").GetBoolean()).ToString().ShouldBe(digest.GetString());
    }

    [Theory]
    [MemberData(nameof(SignedL1WithBackends))]
    public void L1_vector_signature_and_signer_match(string id, string backendName)
    {
        var v = SigningVectors.L1(id);
        var backend = Backend(backendName);
        var key = PrivateKey.FromHex(v.GetProperty("private_key").GetString()!);
        var expectedAddress = v.GetProperty("signer_address").GetString()!;
        key.ChecksumAddress.ShouldBe(expectedAddress);
        key.Address.ShouldBe(expectedAddress.ToLowerInvariant());

        bool mainnet = v.GetProperty("is_mainnet").GetBoolean();
        var signer = new HyperliquidSigner(key, mainnet, backend);
        ulong nonce = v.GetProperty("nonce").GetUInt64();
        string? vault = v.OptionalString("vault_address");
        var signed = signer.SignL1(v.GetProperty("action"), nonce, vault, v.OptionalUInt64("expires_after"));

        var expected = v.GetProperty("expected");
        signed.Signature.RHex.ShouldBe(expected.GetProperty("r").GetString());
        signed.Signature.SHex.ShouldBe(expected.GetProperty("s").GetString());
        signed.Signature.V.ShouldBe(expected.GetProperty("v").GetInt32());
        signed.ConnectionId.ToString().ShouldBe(v.GetProperty("derived").GetProperty("connection_id").GetString());

        // The Python SDK prints r/s without leading zeros; both forms must parse to the same signature.
        var asInSource = EcdsaSignature.Parse(expected.GetProperty("r_as_in_source").GetString(), expected.GetProperty("s_as_in_source").GetString(), expected.GetProperty("v").GetInt32());
        asInSource.ShouldBe(signed.Signature);
        SignatureVerifier.RecoverL1Signer(v.GetProperty("action"), nonce, vault, null, mainnet, asInSource, backend).ShouldBe(key.Address);
    }

    [Theory]
    [MemberData(nameof(UserWithBackends))]
    public void User_signed_vector_hashes_signature_and_signer_match(string id, string backendName)
    {
        var v = SigningVectors.User(id);
        var derived = v.GetProperty("derived");
        var action = v.GetProperty("action");
        var message = UserSignedMessage.Read(action);
        message.Schema.PrimaryType.ShouldBe(v.GetProperty("primary_type").GetString());
        message.Schema.TypeString.ShouldBe(derived.GetProperty("type_string").GetString());
        message.Schema.Fields.Select(f => (f.Name, f.SolidityType)).ShouldBe(
            v.GetProperty("type_fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!)));
        message.Nonce.ShouldBe(v.GetProperty("nonce").GetUInt64());
        Eip712.UserSignedDomainSeparator(message.SignatureChainId).ToString().ShouldBe(derived.GetProperty("domain_separator").GetString());
        UserSignedHasher.StructHash(message.Schema, message.HyperliquidChain, message.Values).ToString().ShouldBe(derived.GetProperty("struct_hash").GetString());
        UserSignedHasher.Digest(action).ToString().ShouldBe(derived.GetProperty("eip712_digest").GetString());

        var key = PrivateKey.FromHex(v.GetProperty("private_key").GetString()!);
        var signer = new HyperliquidSigner(key, v.GetProperty("is_mainnet").GetBoolean(), Backend(backendName));
        var signature = signer.SignUserAction(action);
        var expected = v.GetProperty("expected");
        signature.RHex.ShouldBe(expected.GetProperty("r").GetString());
        signature.SHex.ShouldBe(expected.GetProperty("s").GetString());
        signature.V.ShouldBe(expected.GetProperty("v").GetInt32());
        SignatureVerifier.RecoverUserSigner(action, signature, Backend(backendName)).ShouldBe(key.Address);
    }

    [Fact]
    public void Stated_eip712_constants_match()
    {
        Eip712.DomainTypeHash.ToString().ShouldBe("0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f");
        Eip712.L1DomainSeparator.ToString().ShouldBe("0xd79297fcdf2ffcd4ae223d01edaa2ba214ff8f401d7c9300d995d17c82aa4040");
        Eip712.AgentTypeHash.ToString().ShouldBe("0x26f05c2f7239b6983075e58321292d77b3aa173d19b27257ac96ab362570f508");
        Eip712.UserSignedDomainSeparator(0x66eee).ToString().ShouldBe("0xfeb1393ca4412a4ca577bd51d04f0a77033514c602f4d0a11490fb95f7428df6");
        Eip712.UserSignedDomainSeparator(0xa4b1).ToString().ShouldBe("0x2f54e643b38c9c2b65cb731aaf11c54f01705ee0cdf45aea16e2ac0a5ce7531a");
    }

    [Fact]
    public void Keccak256_is_the_ethereum_variant_not_sha3()
    {
        Keccak256.Hash([]).ToString().ShouldBe("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    [Fact]
    public void Worked_msgpack_example_from_the_protocol_matches()
    {
        using var doc = JsonDocument.Parse("""{"type":"dummy","num":100000000000}""");
        Hex(JsonMsgPackEncoder.Encode(doc.RootElement)).ShouldBe("82a474797065a564756d6d79a36e756dcf000000174876e800");
    }
}
