using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>Builds instruments with Hyperliquid's tick and lot rules (docs "Tick and lot size").</summary>
public static class InstrumentBuilder
{
    /// <summary>Prices carry at most this many decimals minus szDecimals: 6 for perps, 8 for spot.</summary>
    public const int PerpMaxDecimals = 6;
    public const int SpotMaxDecimals = 8;
    public const int MaxSignificantFigures = 5;
    public const decimal PerpMinNotional = 10m;

    public static CryptoPerpetual Perpetual(string coin, int szDecimals, int maxLeverage, InstrumentFees fees, long tsInit)
    {
        if (szDecimals is < 0 or > PerpMaxDecimals) throw new FormatException($"{coin}: szDecimals {szDecimals} is outside 0..{PerpMaxDecimals}");
        if (maxLeverage <= 0) throw new FormatException($"{coin}: maxLeverage {maxLeverage} must be positive");
        byte pricePrecision = (byte)(PerpMaxDecimals - szDecimals);
        byte sizePrecision = (byte)szDecimals;
        decimal marginInit = 1m / maxLeverage;
        return new CryptoPerpetual
        {
            Id = InstrumentId.Perpetual(coin),
            RawSymbol = coin,
            BaseCurrency = new Currency(coin, sizePrecision),
            QuoteCurrency = Currency.Usd,
            SettlementCurrency = Currency.Usdc,
            PricePrecision = pricePrecision,
            SizePrecision = sizePrecision,
            PriceIncrement = Step(pricePrecision),
            SizeIncrement = Quantity.FromRaw(StepRaw(sizePrecision), sizePrecision),
            MaxSignificantFigures = MaxSignificantFigures,
            MakerFee = fees.MakerFee,
            TakerFee = fees.TakerFee,
            MinNotional = PerpMinNotional,
            MaxLeverage = maxLeverage,
            MarginInit = marginInit,
            // Hyperliquid's maintenance margin is half the initial margin at max leverage.
            MarginMaint = marginInit / 2m,
            TsEvent = tsInit,
            TsInit = tsInit,
        };
    }

    public static CurrencyPair Spot(string coin, string baseToken, int baseSzDecimals, string quoteToken, int quoteSzDecimals,
        InstrumentFees fees, long tsInit)
    {
        if (baseSzDecimals is < 0 or > SpotMaxDecimals) throw new FormatException($"{coin}: szDecimals {baseSzDecimals} is outside 0..{SpotMaxDecimals}");
        byte pricePrecision = (byte)(SpotMaxDecimals - baseSzDecimals);
        byte sizePrecision = (byte)baseSzDecimals;
        return new CurrencyPair
        {
            Id = new InstrumentId($"{Sanitize(baseToken)}-{Sanitize(quoteToken)}-SPOT", new Venue(InstrumentId.DefaultVenueName)),
            RawSymbol = coin,
            BaseCurrency = new Currency(baseToken, sizePrecision),
            QuoteCurrency = new Currency(quoteToken, (byte)Math.Clamp(quoteSzDecimals, 0, 9)),
            PricePrecision = pricePrecision,
            SizePrecision = sizePrecision,
            PriceIncrement = Step(pricePrecision),
            SizeIncrement = Quantity.FromRaw(StepRaw(sizePrecision), sizePrecision),
            MaxSignificantFigures = MaxSignificantFigures,
            MakerFee = fees.MakerFee,
            TakerFee = fees.TakerFee,
            // Spot minimum is 10 units of the quote token.
            MinNotional = PerpMinNotional,
            TsEvent = tsInit,
            TsInit = tsInit,
        };
    }

    private static Price Step(byte precision) => Price.FromRaw(StepRaw(precision), precision);

    private static long StepRaw(byte precision)
    {
        long raw = FixedPoint.ScaleFactor;
        for (int i = 0; i < precision; i++) raw /= 10;
        return raw;
    }

    // Instrument symbols may not contain '.', which some token names do.
    private static string Sanitize(string token) => token.Replace('.', '_');
}
