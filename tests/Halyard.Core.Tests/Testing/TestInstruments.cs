using Halyard.Core.Model;

namespace Halyard.Core.Tests.Testing;

internal static class TestInstruments
{
    /// <summary>ETH perpetual: 0.1 tick, 0.001 lot, maker 0.015 %, taker 0.045 %, settled in USDC.</summary>
    public static CryptoPerpetual Eth(string venue = "HYPERLIQUID") => new()
    {
        Id = new InstrumentId("ETH-USD-PERP", new Venue(venue)),
        RawSymbol = "ETH",
        BaseCurrency = new Currency("ETH", 3),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = 1,
        SizePrecision = 3,
        PriceIncrement = Price.Parse("0.1"),
        SizeIncrement = Quantity.Parse("0.001"),
        MaxSignificantFigures = 5,
        MaxLeverage = 25,
        MakerFee = 0.00015m,
        TakerFee = 0.00045m,
        MinNotional = 10m,
    };
}
