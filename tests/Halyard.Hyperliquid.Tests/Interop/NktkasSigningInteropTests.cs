using System.Globalization;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Interop;

/// <summary>
/// Our signer against @nktkas/hyperliquid 0.33.3 + viem (tests/interop): random L1 and user-signed actions, both directions.
/// The node side shuffles our keys and rebuilds the action with its own schema, so key order is checked too.
/// </summary>
[Trait("Category", "Interop")]
public class NktkasSigningInteropTests
{
    private const int CaseCount = 240;
    private const int FormatCount = 400;
    private const int UserCaseCount = 70;

    private sealed record Case(string Id, IL1Action Action, ulong Nonce, string? Vault, ulong? ExpiresAfter, bool Mainnet,
        string PrivateKeyHex, PrivateKey Key, string MsgPackHex, SignedL1Action Signed);

    private sealed record UserCase(string Id, IUserSignedAction Action, bool Mainnet, ulong ChainId, string PrivateKeyHex, PrivateKey Key,
        EcdsaSignature Signature);

    private sealed record FormatCase(decimal Price, decimal Size, int SzDecimals, MarketType Market);

    [Fact]
    public async Task Random_l1_and_user_signed_actions_hash_sign_and_recover_identically_in_both_implementations()
    {
        var random = new Random(424242);
        var keys = Enumerable.Range(0, 8).Select(_ => RandomKeyHex(random)).ToArray();
        var cases = Enumerable.Range(0, CaseCount).Select(i => MakeCase(i, random, keys[random.Next(keys.Length)])).ToList();
        var formats = Enumerable.Range(0, FormatCount).Select(_ => MakeFormat(random)).ToList();
        var userCases = Enumerable.Range(0, UserCaseCount).Select(i => MakeUserCase(i, random, keys[random.Next(keys.Length)])).ToList();

        var output = await NodeInterop.RunAsync("sign-cases.mjs", BuildInput(cases, userCases, formats), TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(output);
        var theirCases = doc.RootElement.GetProperty("cases").EnumerateArray().ToList();
        theirCases.Count.ShouldBe(cases.Count);

        var kinds = new HashSet<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var ours = cases[i];
            var theirs = theirCases[i];
            string label = $"{ours.Id} ({ours.Action.Type}, mainnet={ours.Mainnet}, vault={ours.Vault ?? "-"}, expires={ours.ExpiresAfter?.ToString() ?? "-"})";
            kinds.Add(ours.Action.Type);
            theirs.GetProperty("msgpackHex").GetString().ShouldBe("0x" + ours.MsgPackHex, label);
            theirs.GetProperty("connectionId").GetString().ShouldBe(ours.Signed.ConnectionId.ToString(), label);
            theirs.GetProperty("address").GetString().ShouldBe(ours.Key.Address, label);
            // Our signature recovers to our address in viem.
            theirs.GetProperty("recoveredOurs").GetString().ShouldBe(ours.Key.Address, label);
            // RFC 6979 is deterministic: the same key and digest give the same signature.
            var theirSignature = EcdsaSignature.Parse(theirs.GetProperty("signature"));
            theirSignature.ShouldBe(ours.Signed.Signature, label);
            // Their signature recovers to their address in our verifier, on both backends.
            foreach (var backend in new[] { Secp256k1Backends.Managed, Secp256k1Backends.Default })
                SignatureVerifier.RecoverL1Signer(ours.Action, ours.Nonce, ours.Vault, ours.ExpiresAfter, ours.Mainnet, theirSignature, backend)
                    .ShouldBe(theirs.GetProperty("address").GetString(), label);
        }
        kinds.ShouldBe(["order", "cancel", "cancelByCloid", "modify", "batchModify"], ignoreOrder: true);

        var theirUserCases = doc.RootElement.GetProperty("userCases").EnumerateArray().ToList();
        theirUserCases.Count.ShouldBe(userCases.Count);
        for (int i = 0; i < userCases.Count; i++)
        {
            var ours = userCases[i];
            var theirs = theirUserCases[i];
            string label = $"{ours.Id} ({ours.Action.Schema.WireType}, mainnet={ours.Mainnet}, chain=0x{ours.ChainId:x})";
            theirs.GetProperty("address").GetString().ShouldBe(ours.Key.Address, label);
            theirs.GetProperty("recoveredOurs").GetString().ShouldBe(ours.Key.Address, label);
            var theirSignature = EcdsaSignature.Parse(theirs.GetProperty("signature"));
            theirSignature.ShouldBe(ours.Signature, label);
            SignatureVerifier.RecoverUserSigner(ours.Action, ours.Mainnet, theirSignature, ours.ChainId).ShouldBe(ours.Key.Address, label);
        }

        var theirFormats = doc.RootElement.GetProperty("formats").EnumerateArray().ToList();
        for (int i = 0; i < formats.Count; i++) CheckFormat(formats[i], theirFormats[i]);
    }

    private static void CheckFormat(FormatCase f, JsonElement theirs)
    {
        string label = $"price {f.Price.ToString(CultureInfo.InvariantCulture)} size {f.Size.ToString(CultureInfo.InvariantCulture)} szDecimals {f.SzDecimals} {f.Market}";
        var theirPrice = theirs.GetProperty("price");
        string? ourPrice = null;
        try { ourPrice = TickRules.FormatPrice(f.Price, f.SzDecimals, f.Market, WireRounding.TowardZero); }
        catch (ArgumentOutOfRangeException) { }
        if (ourPrice is null)
        {
            theirPrice.TryGetProperty("error", out _).ShouldBeTrue(label);
        }
        else
        {
            TickRules.ValidatePrice(decimal.Parse(ourPrice, CultureInfo.InvariantCulture), f.SzDecimals, f.Market).IsValid.ShouldBeTrue(label);
            var truncated = TickRules.Round(f.Price, TickRules.MaxPriceDecimals(f.SzDecimals, f.Market), WireRounding.TowardZero);
            // Known, deliberate difference: a non-integer ≥ 100000 becomes the integer for us (valid and closer),
            // while the SDK cuts it to 5 significant figures.
            string expectedTheirs = truncated >= 100_000m && truncated != decimal.Truncate(truncated)
                ? WireNumber.Format(decimal.Truncate(truncated / FivePlace(truncated)) * FivePlace(truncated))
                : ourPrice;
            theirPrice.GetProperty("value").GetString().ShouldBe(expectedTheirs, label);
        }

        var ourSize = TickRules.FormatSize(f.Size, f.SzDecimals, WireRounding.TowardZero);
        var theirSize = theirs.GetProperty("size");
        if (ourSize == "0") theirSize.TryGetProperty("error", out _).ShouldBeTrue(label);
        else theirSize.GetProperty("value").GetString().ShouldBe(ourSize, label);
    }

    private static decimal FivePlace(decimal value)
    {
        decimal place = 1m;
        for (int e = TickRules.Exponent(value); e > 4; e--) place *= 10m;
        return place;
    }

    private static Case MakeCase(int index, Random random, string keyHex)
    {
        IL1Action action = (index % 5) switch
        {
            0 => RandomOrderAction(random),
            1 => new CancelAction(Enumerable.Range(0, random.Next(1, 4)).Select(_ => new CancelWire(RandomAsset(random), RandomOid(random))).ToList()),
            2 => new CancelByCloidAction(Enumerable.Range(0, random.Next(1, 4)).Select(_ => new CancelByCloidWire(RandomAsset(random), RandomCloid(random))).ToList()),
            3 => new ModifyAction(RandomIdentifier(random), RandomOrder(random)),
            _ => new BatchModifyAction(Enumerable.Range(0, random.Next(1, 4)).Select(_ => new ModifyWire(RandomIdentifier(random), RandomOrder(random))).ToList()),
        };
        ulong nonce = 1_700_000_000_000UL + (ulong)random.NextInt64(0, 100_000_000_000);
        string? vault = random.Next(3) == 0 ? "0x" + Convert.ToHexStringLower(RandomBytes(random, 20)) : null;
        ulong? expires = random.Next(3) == 0 ? nonce + (ulong)random.Next(1, 600_000) : null;
        bool mainnet = random.Next(2) == 0;
        var key = PrivateKey.FromHex(keyHex);
        var msgpack = Convert.ToHexStringLower(L1ActionHasher.MsgPack(action));
        var signed = new HyperliquidSigner(key, mainnet).SignL1(action, nonce, vault, expires);
        return new Case($"case{index}", action, nonce, vault, expires, mainnet, keyHex, key, msgpack, signed);
    }

    private static UserCase MakeUserCase(int index, Random random, string keyHex)
    {
        ulong nonce = 1_700_000_000_000UL + (ulong)random.NextInt64(0, 100_000_000_000);
        string Address() => "0x" + Convert.ToHexStringLower(RandomBytes(random, 20));
        decimal amount = RandomDecimal(random, 0.000001m, 1_000_000m);
        amount = TickRules.Round(amount, 6, WireRounding.Down) is var a && a > 0 ? a : 1m;
        IUserSignedAction action = (index % 7) switch
        {
            0 => new UsdSendAction(Address(), amount, nonce),
            1 => new WithdrawAction(Address(), amount, nonce),
            2 => new UsdClassTransferAction(amount, random.Next(2) == 0, nonce, random.Next(2) == 0 ? Address() : null),
            3 => new SpotSendAction(Address(), "PURR:0xc4bf3f870c0e9465323c0b6ed28096c2", amount, nonce),
            4 => new ApproveAgentAction(Address(), random.Next(2) == 0 ? null : $"agent{random.Next(1000)}", nonce),
            5 => new ApproveBuilderFeeAction($"0.00{random.Next(1, 10)}%", Address(), nonce),
            _ => new SendAssetAction(Address(), "", "spot", "USDC:0x6d1e7cde53ba9467b783cb7c530ce054", amount,
                random.Next(2) == 0 ? Address() : null, nonce),
        };
        bool mainnet = random.Next(2) == 0;
        ulong chainId = random.Next(2) == 0 ? 0x66eeeUL : 0xa4b1UL;
        var key = PrivateKey.FromHex(keyHex);
        var signature = new HyperliquidSigner(key, mainnet, signatureChainId: chainId).SignUserAction(action);
        return new UserCase($"user{index}", action, mainnet, chainId, keyHex, key, signature);
    }

    private static OrderAction RandomOrderAction(Random random)
    {
        var orders = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomOrder(random)).ToList();
        var grouping = (OrderGrouping)random.Next(3);
        var builder = random.Next(4) == 0 ? new BuilderFee("0x" + Convert.ToHexStringLower(RandomBytes(random, 20)), random.Next(0, 101)) : null;
        return new OrderAction(orders, grouping, builder);
    }

    private static OrderWire RandomOrder(Random random)
    {
        int szDecimals = random.Next(0, 6);
        var market = random.Next(4) == 0 ? MarketType.Spot : MarketType.Perp;
        int asset = market == MarketType.Spot ? 10_000 + random.Next(0, 300) : RandomAsset(random);
        decimal minPrice = 10m / (decimal)Math.Pow(10, TickRules.MaxPriceDecimals(szDecimals, market)); // never rounds to 0
        string price = TickRules.FormatPrice(RandomDecimal(random, minPrice, 200_000m), szDecimals, market, WireRounding.Nearest);
        string size = TickRules.FormatSize(RandomDecimal(random, 0.5m, 5_000m), szDecimals, WireRounding.Down);
        var type = random.Next(4) switch
        {
            0 => OrderTypeWire.Trigger(random.Next(2) == 0, price, random.Next(2) == 0 ? TpSl.TakeProfit : TpSl.StopLoss),
            _ => OrderTypeWire.Limit((TimeInForce)random.Next(3)),
        };
        Cloid? cloid = random.Next(2) == 0 ? RandomCloid(random) : null;
        return new OrderWire(asset, random.Next(2) == 0, price, size, random.Next(3) == 0, type, cloid);
    }

    private static FormatCase MakeFormat(Random random)
    {
        var market = random.Next(3) == 0 ? MarketType.Spot : MarketType.Perp;
        return new FormatCase(RandomDecimal(random, 0.0000001m, 2_000_000m), RandomDecimal(random, 0.000001m, 100_000m), random.Next(0, 6), market);
    }

    /// <summary>A random decimal with 1–10 significant digits, log-uniform-ish between the bounds.</summary>
    private static decimal RandomDecimal(Random random, decimal min, decimal max)
    {
        while (true)
        {
            int digits = random.Next(1, 11);
            long mantissa = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
            int scale = random.Next(0, 16);
            var value = new decimal(mantissa) / (decimal)Math.Pow(10, scale);
            if (value >= min && value <= max) return value;
        }
    }

    private static int RandomAsset(Random random) => random.Next(2) == 0 ? random.Next(0, 16) : random.Next(0, 200_000);
    private static ulong RandomOid(Random random) => (ulong)random.NextInt64(0, 1L << 50);
    private static Cloid RandomCloid(Random random) => Cloid.FromBytes(RandomBytes(random, 16));
    private static OrderIdentifier RandomIdentifier(Random random) => random.Next(2) == 0 ? RandomOid(random) : RandomCloid(random);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomKeyHex(Random random)
    {
        var bytes = RandomBytes(random, 32);
        bytes[0] &= 0x7F;
        bytes[31] |= 1;
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    private static string BuildInput(List<Case> cases, List<UserCase> userCases, List<FormatCase> formats)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("cases");
            foreach (var c in cases)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WritePropertyName("action");
                c.Action.WriteTo(new JsonWireWriter(json));
                json.WriteNumber("nonce", c.Nonce);
                if (c.Vault is null) json.WriteNull("vaultAddress"); else json.WriteString("vaultAddress", c.Vault);
                if (c.ExpiresAfter is { } e) json.WriteNumber("expiresAfter", e); else json.WriteNull("expiresAfter");
                json.WriteBoolean("isMainnet", c.Mainnet);
                json.WriteString("privateKey", c.PrivateKeyHex);
                json.WritePropertyName("ourSignature");
                c.Signed.Signature.WriteJson(json);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("userCases");
            foreach (var c in userCases)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WritePropertyName("action");
                UserSignedActionJson.Write(json, c.Action, c.Mainnet, c.ChainId);
                json.WriteString("privateKey", c.PrivateKeyHex);
                json.WritePropertyName("ourSignature");
                c.Signature.WriteJson(json);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("formats");
            foreach (var f in formats)
            {
                json.WriteStartObject();
                json.WriteString("price", f.Price.ToString(CultureInfo.InvariantCulture));
                json.WriteString("size", f.Size.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("szDecimals", f.SzDecimals);
                json.WriteString("market", f.Market == MarketType.Spot ? "spot" : "perp");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
