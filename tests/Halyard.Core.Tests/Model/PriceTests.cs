using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model;

public class PriceTests
{
    [Theory]
    [InlineData("0", 0L, 0)]
    [InlineData("1", 1_000_000_000L, 0)]
    [InlineData("65000.5", 65_000_500_000_000L, 1)]
    [InlineData("-12.25", -12_250_000_000L, 2)]
    [InlineData("0.000000001", 1L, 9)]
    [InlineData(".5", 500_000_000L, 1)]
    [InlineData("2000.0", 2_000_000_000_000L, 1)]
    [InlineData("1.5000000000000", 1_500_000_000L, 9)]
    public void Parses_decimal_text_exactly(string text, long raw, int decimals)
    {
        Price price = Price.Parse(text);
        price.Raw.ShouldBe(raw);
        price.Precision.ShouldBe((byte)decimals);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1e5")]
    [InlineData("12a")]
    [InlineData("1.0000000001")]
    [InlineData("99999999999")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    public void Rejects_text_that_is_not_an_exact_decimal(string text)
    {
        var ex = Should.Throw<FormatException>(() => Price.Parse(text));
        ex.Message.ShouldContain("invalid price");
    }

    [Fact]
    public void Formats_with_the_instrument_precision()
    {
        Price.FromDecimal(65000m, 2).ToString().ShouldBe("65000.00");
        Price.Parse("-0.5").ToString().ShouldBe("-0.5");
        Price.FromRaw(1, 9).ToString().ShouldBe("0.000000001");
        Price.FromRaw(long.MinValue + 1, 9).ToString().ShouldBe("-9223372036.854775807");
    }

    [Fact]
    public void Round_trips_through_decimal_without_loss()
    {
        var rng = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            long raw = rng.NextInt64(-5_000_000_000_000_000, 5_000_000_000_000_000);
            Price p = Price.FromRaw(raw, 9);
            Price.FromDecimal(p.ToDecimal(), 9).Raw.ShouldBe(raw);
            Price.Parse(p.ToString()).Raw.ShouldBe(raw);
        }
    }

    [Fact]
    public void From_decimal_refuses_values_finer_than_the_precision()
    {
        Should.Throw<ArgumentException>(() => Price.FromDecimal(1.234m, 2)).Message.ShouldContain("not representable");
        Price.FromDecimal(1.230m, 2).Raw.ShouldBe(1_230_000_000L);
    }

    [Theory]
    [InlineData("1.25", 1, RoundingDirection.Nearest, "1.2")] // half to even
    [InlineData("1.35", 1, RoundingDirection.Nearest, "1.4")]
    [InlineData("1.21", 1, RoundingDirection.Up, "1.3")]
    [InlineData("1.29", 1, RoundingDirection.Down, "1.2")]
    [InlineData("-1.21", 1, RoundingDirection.Down, "-1.3")]
    [InlineData("-1.29", 1, RoundingDirection.TowardZero, "-1.2")]
    [InlineData("-1.21", 1, RoundingDirection.AwayFromZero, "-1.3")]
    public void Rounds_to_precision_in_the_chosen_direction(string value, int precision, RoundingDirection direction, string expected) =>
        Price.FromDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), (byte)precision, direction)
            .ToString().ShouldBe(expected);

    [Fact]
    public void Compares_by_value_whatever_the_precision()
    {
        (Price.Parse("1.50") == Price.Parse("1.5")).ShouldBeTrue();
        (Price.Parse("1.5") < Price.Parse("1.51")).ShouldBeTrue();
        (Price.Parse("2") - Price.Parse("0.5")).ShouldBe(Price.Parse("1.5"));
    }

    [Fact]
    public void Parses_utf8_wire_text_at_the_instrument_precision()
    {
        Price.TryParseUtf8("65000.5"u8, 1, out Price p).ShouldBeTrue();
        p.ToString().ShouldBe("65000.5");
        Price.TryParseUtf8("65000.55"u8, 1, out _).ShouldBeFalse();
    }
}
