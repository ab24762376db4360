using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Wire;

public class TickRulesTests
{
    [Theory]
    [InlineData("1234.5", 0, "1234.5")]
    [InlineData("1234.56", 0, "1234.6")]
    [InlineData("0.001234", 0, "0.001234")]
    [InlineData("0.0012345", 0, "0.001235")]   // 7 decimals → 6 allowed (half away from zero)
    [InlineData("0.012345", 1, "0.01235")]     // szDecimals 1 → 5 decimals
    [InlineData("123456.7", 0, "123457")]      // ≥ 5 integer digits: the integer is valid
    [InlineData("120000.0", 0, "120000")]
    [InlineData("97123.456789", 5, "97123")]
    [InlineData("1.23456789", 4, "1.23")]       // 6 − 4 = 2 decimals
    public void Perp_prices_round_to_five_significant_figures_within_the_decimal_budget(string input, int szDecimals, string expected)
    {
        TickRules.FormatPrice(decimal.Parse(input), szDecimals, MarketType.Perp, WireRounding.Nearest).ShouldBe(expected);
        TickRules.ValidatePrice(decimal.Parse(expected), szDecimals, MarketType.Perp).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Spot_prices_get_eight_minus_szDecimals_decimals()
    {
        TickRules.FormatPrice(0.000012345678m, 0, MarketType.Spot, WireRounding.Nearest).ShouldBe("0.00001235");
        TickRules.FormatPrice(0.000012345678m, 0, MarketType.Perp, WireRounding.Nearest).ShouldBe("0.000012");
    }

    [Theory]
    [InlineData(WireRounding.Nearest, "1234.6")]
    [InlineData(WireRounding.Up, "1234.6")]
    [InlineData(WireRounding.Down, "1234.5")]
    [InlineData(WireRounding.TowardZero, "1234.5")]
    [InlineData(WireRounding.AwayFromZero, "1234.6")]
    [InlineData(WireRounding.NearestEven, "1234.6")]
    public void Rounding_direction_is_the_callers_choice(WireRounding rounding, string expected)
    {
        TickRules.FormatPrice(1234.56m, 0, MarketType.Perp, rounding).ShouldBe(expected);
    }

    [Fact]
    public void Midpoints_follow_the_chosen_nearest_rule()
    {
        TickRules.FormatPrice(1234.25m, 0, MarketType.Perp, WireRounding.Nearest).ShouldBe("1234.3");
        TickRules.FormatPrice(1234.25m, 0, MarketType.Perp, WireRounding.NearestEven).ShouldBe("1234.2");
    }

    [Theory]
    [InlineData("1234.56", 0, "significant figures")]
    [InlineData("0.0012345", 0, "7 decimals; at most 6 allowed for a perp asset with szDecimals 0")]
    [InlineData("0.012345", 1, "6 decimals; at most 5 allowed")]
    [InlineData("0", 0, "greater than zero")]
    public void Invalid_prices_say_why(string price, int szDecimals, string reason)
    {
        var check = TickRules.ValidatePrice(decimal.Parse(price), szDecimals, MarketType.Perp);
        check.IsValid.ShouldBeFalse();
        check.Reason.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Integer_prices_are_always_valid()
    {
        TickRules.ValidatePrice(123456m, 0, MarketType.Perp).IsValid.ShouldBeTrue();
        TickRules.ValidatePrice(123456m, 6, MarketType.Perp).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Sizes_round_to_szDecimals_and_invalid_ones_say_why()
    {
        TickRules.FormatSize(0.00123456789m, 5, WireRounding.TowardZero).ShouldBe("0.00123");
        TickRules.FormatSize(1.5m, 0, WireRounding.Nearest).ShouldBe("2");
        TickRules.ValidateSize(0.001m, 2).Reason.ShouldNotBeNull().ShouldContain("at most 2 (szDecimals)");
        TickRules.ValidateSize(0.01m, 2).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_price_that_rounds_to_zero_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TickRules.RoundPrice(0.0000001m, 0, MarketType.Perp, WireRounding.Down))
            .Message.ShouldContain("rounds to 0");
    }

    [Theory]
    [InlineData("100000", true, "105000")]
    [InlineData("100000", false, "95000")]
    [InlineData("123456.7", true, "129630")]    // 5 significant figures even for large prices (like the SDKs)
    [InlineData("1891.4", true, "1986")]        // 1985.97 → 5 s.f. 1986.0
    [InlineData("0.012345", false, "0.011728")] // 0.01172775 → 0.011728 (6 decimals)
    public void Market_price_applies_slippage_then_rounds_as_the_sdks_do(string reference, bool isBuy, string expected)
    {
        WireNumber.Format(TickRules.MarketPrice(decimal.Parse(reference), isBuy, 0.05m, 0, MarketType.Perp)).ShouldBe(expected);
    }
}
