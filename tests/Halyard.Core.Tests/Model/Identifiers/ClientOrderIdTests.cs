using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Identifiers;

public class ClientOrderIdTests
{
    [Fact]
    public void Cloid_is_the_first_16_bytes_of_the_sha256_of_the_id()
    {
        // sha256("O-20261124-103000-001-001-1") computed independently of the implementation:
        byte[] expected = System.Security.Cryptography.SHA256.HashData("O-20261124-103000-001-001-1"u8)[..16];
        var id = new ClientOrderId("O-20261124-103000-001-001-1");
        id.ToCloidBytes().ShouldBe(expected);
        id.ToCloidHex().ShouldBe("0x" + Convert.ToHexStringLower(expected));
    }

    [Fact]
    public void Cloid_of_a_known_id_matches_a_fixed_vector()
    {
        // printf 'abc' | sha256sum → ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        new ClientOrderId("abc").ToCloidHex().ShouldBe("0xba7816bf8f01cfea414140de5dae2223");
    }

    [Fact]
    public void Cloid_is_stable_across_instances_and_distinct_between_ids()
    {
        new ClientOrderId("O-1").ToCloidHex().ShouldBe(new ClientOrderId("O-1").ToCloidHex());
        var cloids = Enumerable.Range(1, 10_000).Select(i => new ClientOrderId($"O-{i}").ToCloidHex()).ToHashSet();
        cloids.Count.ShouldBe(10_000);
        cloids.ShouldAllBe(c => c.Length == 34 && c.StartsWith("0x") && c == c.ToLowerInvariant());
    }

    [Fact]
    public void An_id_that_is_already_a_cloid_maps_to_itself()
    {
        var id = ClientOrderId.FromCloidHex("0x00000000000000000000000000000001");
        id.ToCloidHex().ShouldBe("0x00000000000000000000000000000001");
        ClientOrderId.FromCloidHex("0xABCDEF00000000000000000000000001").ToCloidHex().ShouldBe("0xabcdef00000000000000000000000001");
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("1234567890123456789012345678901234")]
    [InlineData("0x0000000000000000000000000000000g")]
    public void A_malformed_cloid_is_refused(string text) =>
        Should.Throw<ArgumentException>(() => ClientOrderId.FromCloidHex(text)).Message.ShouldContain("32 hex digits");

    [Theory]
    [InlineData("")]
    [InlineData("O 1")]
    public void An_empty_or_spaced_id_is_refused(string text) =>
        Should.Throw<ArgumentException>(() => new ClientOrderId(text)).Message.ShouldContain("client order id");

    [Fact]
    public void Generator_stamps_time_tags_and_a_counter()
    {
        long now = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        var generator = new ClientOrderIdGenerator(new TraderId("TRADER-001"), new StrategyId("EMACross-002"), () => now);
        generator.Generate().Value.ShouldBe("O-20261124-103000-001-002-1");
        generator.Generate().Value.ShouldBe("O-20261124-103000-001-002-2");
        generator.SetCount(41);
        generator.Generate().Value.ShouldBe("O-20261124-103000-001-002-42");
    }
}
