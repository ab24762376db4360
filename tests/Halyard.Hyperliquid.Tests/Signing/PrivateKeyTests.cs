using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Tests.Signing;

public class PrivateKeyTests
{
    private const string VectorKey = "0x0123456789012345678901234567890123456789012345678901234567890123";

    [Fact]
    public void Key_one_derives_the_well_known_address_in_both_forms()
    {
        var key = PrivateKey.FromHex("0000000000000000000000000000000000000000000000000000000000000001");
        key.Address.ShouldBe("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
        key.ChecksumAddress.ShouldBe("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var key = PrivateKey.FromHex(VectorKey);
        key.ToString().ShouldBe("0x…redacted");
        $"{key}".ShouldNotContain("0123456789");
    }

    [Theory]
    [InlineData("0x0123")]
    [InlineData("0x012345678901234567890123456789012345678901234567890123456789012z")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    [InlineData("")]
    public void Malformed_keys_fail_with_a_message_that_names_the_key_but_never_contains_it(string text)
    {
        var error = Should.Throw<FormatException>(() => PrivateKey.FromHex(text));
        error.Message.ShouldStartWith("private key");
        if (text.Length > 6) error.Message.ShouldNotContain(text[2..10], Case.Insensitive);
    }

    [Fact]
    public void Environment_variable_is_read_and_errors_name_the_variable_not_the_value()
    {
        const string variable = "HALYARD_TEST_PK_SIGNING";
        Environment.SetEnvironmentVariable(variable, VectorKey);
        PrivateKey.FromEnvironment(variable).Address.ShouldBe("0x14791697260e4c9a71f18484c9f997b308e59325");

        Environment.SetEnvironmentVariable(variable, "0xdeadbeefcafe");
        var malformed = Should.Throw<FormatException>(() => PrivateKey.FromEnvironment(variable));
        malformed.Message.ShouldContain(variable);
        malformed.Message.ShouldNotContain("deadbeef");

        Environment.SetEnvironmentVariable(variable, null);
        Should.Throw<InvalidOperationException>(() => PrivateKey.FromEnvironment(variable)).Message.ShouldContain(variable);
    }
}
