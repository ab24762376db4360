namespace Halyard.Core.Model;

/// <summary>
/// What the kernel needs to know to price, size and margin orders in one instrument.
/// Venue rules on valid prices (a tick, and on some venues a cap on significant figures) live here,
/// so every component rounds and validates the same way.
/// </summary>
public abstract record Instrument
{
    public required InstrumentId Id { get; init; }
    /// <summary>The venue's own name for it (e.g. "BTC").</summary>
    public required string RawSymbol { get; init; }
    public required Currency BaseCurrency { get; init; }
    public required Currency QuoteCurrency { get; init; }
    public required byte PricePrecision { get; init; }
    public required byte SizePrecision { get; init; }
    /// <summary>Smallest price step at any magnitude.</summary>
    public required Price PriceIncrement { get; init; }
    public required Quantity SizeIncrement { get; init; }
    /// <summary>Most significant figures a non-integer price may carry (Hyperliquid: 5); null for no cap.</summary>
    public int? MaxSignificantFigures { get; init; }
    public decimal MakerFee { get; init; }
    public decimal TakerFee { get; init; }
    /// <summary>Smallest order value in quote currency (Hyperliquid perps: 10).</summary>
    public decimal MinNotional { get; init; }
    public long TsEvent { get; init; }
    public long TsInit { get; init; }

    public Price MakePrice(decimal value) => Price.FromDecimal(value, PricePrecision);
    public Quantity MakeQuantity(decimal value) => Quantity.FromDecimal(value, SizePrecision);

    /// <summary>The nearest valid price in <paramref name="direction"/>: on the tick and within the significant-figure cap.</summary>
    public Price RoundPrice(decimal value, RoundingDirection direction)
    {
        Price onTick = Price.FromDecimal(value, PricePrecision, direction);
        return RoundPrice(onTick, direction);
    }

    public Price RoundPrice(Price price, RoundingDirection direction)
    {
        long increment = ValidIncrementRaw(price.Raw);
        long rounded = FixedPoint.RoundToIncrement(price.Raw, increment, direction);
        return Price.FromRaw(rounded, PricePrecision);
    }

    /// <summary>Why <paramref name="price"/> is not a valid price, or null when it is.</summary>
    public string? PriceError(Price price)
    {
        if (price.Raw <= 0) return "Price must be positive.";
        long increment = ValidIncrementRaw(price.Raw);
        if (price.Raw % increment == 0) return null;
        return price.Raw % PriceIncrement.Raw != 0
            ? $"Price must be divisible by tick size ({PriceIncrement})."
            : $"Price has more than {MaxSignificantFigures} significant figures.";
    }

    public Quantity RoundSize(decimal value, RoundingDirection direction) =>
        Quantity.FromDecimal(value, SizePrecision, direction).RoundToLot(SizeIncrement, direction);

    /// <summary>Why <paramref name="size"/> is not a valid order size, or null when it is.</summary>
    public string? SizeError(Quantity size) =>
        size.Raw <= 0 ? "Size must be positive."
        : size.Raw % SizeIncrement.Raw != 0 ? $"Size must be a multiple of the lot size ({SizeIncrement})."
        : null;

    /// <summary>The price step valid at the magnitude of <paramref name="raw"/>.</summary>
    private long ValidIncrementRaw(long raw)
    {
        long tick = PriceIncrement.Raw;
        if (MaxSignificantFigures is not int sigFigs) return tick;
        long magnitude = Math.Abs(raw);
        if (magnitude == 0) return tick;
        // Integer prices are always valid, so the step never exceeds 1.
        int integerDigits = 0;
        for (long v = magnitude / FixedPoint.ScaleFactor; v > 0; v /= 10) integerDigits++;
        int leadingZeros = 0;
        if (integerDigits == 0)
            for (long v = magnitude * 10; v < FixedPoint.ScaleFactor; v *= 10) leadingZeros++;
        int decimals = Math.Max(0, sigFigs - integerDigits + leadingZeros);
        if (decimals >= FixedPoint.Scale) return tick;
        long sigStep = FixedPoint.Pow10[FixedPoint.Scale - decimals];
        return Math.Max(tick, sigStep);
    }
}
