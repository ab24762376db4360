using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Wire;

public class WireNumberTests
{
    [Theory]
    [InlineData("120000.0", "120000")]
    [InlineData("2000.0", "2000")]
    [InlineData("100", "100")]
    [InlineData("1670.1", "1670.1")]
    [InlineData("0.0147", "0.0147")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("1E-8", "0.00000001")]
    [InlineData("-0.0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-12.50", "-12.5")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Formats_without_trailing_zeros_exponent_or_negative_zero(string input, string expected)
    {
        var value = decimal.Parse(input, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        WireNumber.Format(value).ShouldBe(expected);
        if (value >= 0) WireNumber.IsCanonical(expected).ShouldBeTrue();
    }

    [Fact]
    public void Formats_the_vector_inputs_as_python_float_to_wire_does()
    {
        WireNumber.Format(0.0147m).ShouldBe("0.0147");
        WireNumber.Format(1670.1m).ShouldBe("1670.1");
        WireNumber.Format(100m).ShouldBe("100");
        WireNumber.Format(103m).ShouldBe("103");
    }

    [Fact]
    public void Refuses_more_than_eight_decimals_naming_the_field()
    {
        var error = Should.Throw<ArgumentException>(() => WireNumber.Format(0.123456789m, "px"));
        error.Message.ShouldContain("px has 9 decimals");
        WireNumber.Format(0.12345678000m).ShouldBe("0.12345678"); // trailing zeros do not count
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", true)]
    [InlineData("0.5", true)]
    [InlineData("1.0", false)]
    [InlineData("01", false)]
    [InlineData(".5", false)]
    [InlineData("5.", false)]
    [InlineData("1e3", false)]
    [InlineData("-1", false)]
    [InlineData("0.000000001", false)]
    [InlineData("", false)]
    public void Recognises_canonical_wire_strings(string text, bool canonical) => WireNumber.IsCanonical(text).ShouldBe(canonical);
}
