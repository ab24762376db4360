using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model;

public class InstrumentTests
{
    private static CryptoPerpetual Perp(byte szDecimals) => new()
    {
        Id = InstrumentId.Perpetual("TEST"),
        RawSymbol = "TEST",
        BaseCurrency = new Currency("TEST", szDecimals),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = (byte)(6 - szDecimals),
        SizePrecision = szDecimals,
        PriceIncrement = Price.FromRaw(FixedPoint.Pow10[FixedPoint.Scale - (6 - szDecimals)], (byte)(6 - szDecimals)),
        SizeIncrement = Quantity.FromRaw(FixedPoint.Pow10[FixedPoint.Scale - szDecimals], szDecimals),
        MaxSignificantFigures = 5,
        MaxLeverage = 50,
        MinNotional = 10m,
    };

    [Theory] // the examples of Hyperliquid's "tick and lot size" rules
    [InlineData(0, "1234.5", true)]
    [InlineData(0, "1234.56", false)]
    [InlineData(0, "0.001234", true)]
    [InlineData(0, "0.0012345", false)]
    [InlineData(1, "0.01234", true)]
    [InlineData(1, "0.012345", false)]
    [InlineData(5, "123456", true)]
    [InlineData(5, "12345.6", false)]
    [InlineData(5, "65000", true)]
    public void Validates_prices_by_tick_and_significant_figures(int szDecimals, string price, bool valid) =>
        (Perp((byte)szDecimals).PriceError(Price.Parse(price)) is null).ShouldBe(valid);

    [Theory]
    [InlineData(5, "65432.7", RoundingDirection.Nearest, "65433")]
    [InlineData(5, "65432.7", RoundingDirection.Down, "65432")]
    [InlineData(0, "1234.56", RoundingDirection.Up, "1234.6")]
    [InlineData(0, "0.00123456", RoundingDirection.Down, "0.001234")]
    [InlineData(2, "99999.5", RoundingDirection.Up, "100000")]
    [InlineData(4, "1.234567", RoundingDirection.Nearest, "1.23")]
    public void Rounds_prices_to_a_valid_value(int szDecimals, string value, RoundingDirection direction, string expected)
    {
        var instrument = Perp((byte)szDecimals);
        Price rounded = instrument.RoundPrice(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), direction);
        rounded.ShouldBe(Price.Parse(expected));
        instrument.PriceError(rounded).ShouldBeNull();
    }

    [Fact]
    public void Validates_sizes_against_the_lot()
    {
        var btc = Perp(5);
        btc.SizeError(Quantity.Parse("0.00001")).ShouldBeNull();
        btc.SizeError(Quantity.Zero()).ShouldNotBeNull();
        btc.RoundSize(0.123456789m, RoundingDirection.Down).ToString().ShouldBe("0.12345");
    }
}
