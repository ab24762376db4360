using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model;

public class InstrumentIdTests
{
    [Fact]
    public void Short_form_gets_the_default_venue()
    {
        InstrumentId.Parse("BTC-USD-PERP").ShouldBe(InstrumentId.Parse("BTC-USD-PERP.HYPERLIQUID"));
        InstrumentId.Parse("btc-usd-perp").ToString().ShouldBe("BTC-USD-PERP.HYPERLIQUID");
        InstrumentId.Perpetual("ETH").Symbol.ShouldBe("ETH-USD-PERP");
    }

    [Theory]
    [InlineData("")]
    [InlineData(".HYPERLIQUID")]
    [InlineData("BTC.")]
    [InlineData("A.B.C")]
    public void Invalid_ids_are_refused_with_a_reason(string text)
    {
        InstrumentId.TryParse(text, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Bar_types_round_trip_through_text()
    {
        var bt = BarType.Parse("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
        bt.InstrumentId.ShouldBe(InstrumentId.Perpetual("BTC"));
        bt.Specification.DurationNs.ShouldBe(60_000_000_000L);
        bt.ToString().ShouldBe("BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL");
    }
}
