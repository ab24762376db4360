namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// Hyperliquid's tick and lot rules (PROTOCOL §2.2): sizes have at most szDecimals decimals; prices at most 5
/// significant figures (integers always allowed) and at most 6 − szDecimals (perp) / 8 − szDecimals (spot) decimals.
/// Rounding direction is the caller's choice.
/// </summary>
public static class TickRules
{
    /// <summary>Significant figures a non-integer price may carry.</summary>
    public const int PriceSignificantFigures = 5;

    /// <summary>Decimal places a price may carry: max(0, (6 perp | 8 spot) − szDecimals).</summary>
    public static int MaxPriceDecimals(int szDecimals, MarketType market)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(szDecimals);
        return Math.Max(0, (market == MarketType.Spot ? 8 : 6) - szDecimals);
    }

    /// <summary>The closest valid price in <paramref name="rounding"/>'s direction; throws if it would be 0.</summary>
    public static decimal RoundPrice(decimal price, int szDecimals, MarketType market, WireRounding rounding)
    {
        if (price <= 0m) throw new ArgumentOutOfRangeException(nameof(price), price, "price must be greater than zero");
        if (price == decimal.Truncate(price)) return price; // an integer price is always valid
        int decimals = Math.Min(MaxPriceDecimals(szDecimals, market),
            Math.Max(0, PriceSignificantFigures - 1 - Exponent(price)));
        var rounded = Round(price, decimals, rounding);
        if (rounded == 0m)
            throw new ArgumentOutOfRangeException(nameof(price), price, $"price rounds to 0 with {decimals} decimals allowed");
        return rounded;
    }

    /// <summary><see cref="RoundPrice"/> then <see cref="WireNumber.Format"/>.</summary>
    public static string FormatPrice(decimal price, int szDecimals, MarketType market, WireRounding rounding) =>
        WireNumber.Format(RoundPrice(price, szDecimals, market, rounding), "price");

    /// <summary>Size rounded to szDecimals decimals; throws if negative.</summary>
    public static decimal RoundSize(decimal size, int szDecimals, WireRounding rounding)
    {
        if (size < 0m) throw new ArgumentOutOfRangeException(nameof(size), size, "size must not be negative");
        ArgumentOutOfRangeException.ThrowIfNegative(szDecimals);
        return Round(size, Math.Min(szDecimals, WireNumber.MaxDecimals), rounding);
    }

    /// <summary><see cref="RoundSize"/> then <see cref="WireNumber.Format"/>.</summary>
    public static string FormatSize(decimal size, int szDecimals, WireRounding rounding) =>
        WireNumber.Format(RoundSize(size, szDecimals, rounding), "size");

    /// <summary>Whether the venue accepts <paramref name="price"/> as is, and why not.</summary>
    public static WireCheck ValidatePrice(decimal price, int szDecimals, MarketType market)
    {
        if (price <= 0m) return WireCheck.Invalid($"price {price} must be greater than zero");
        int decimals = WireNumber.Decimals(price);
        if (decimals == 0) return WireCheck.Valid;
        int maxDecimals = MaxPriceDecimals(szDecimals, market);
        if (decimals > maxDecimals)
            return WireCheck.Invalid(
                $"price {WireNumber.Format(price, "price")} has {decimals} decimals; at most {maxDecimals} allowed for a {(market == MarketType.Spot ? "spot" : "perp")} asset with szDecimals {szDecimals}");
        int significant = Exponent(price) + 1 + decimals;
        if (significant > PriceSignificantFigures)
            return WireCheck.Invalid(
                $"price {WireNumber.Format(price, "price")} has {significant} significant figures; at most {PriceSignificantFigures} allowed unless the price is an integer");
        return WireCheck.Valid;
    }

    /// <summary>Whether the venue accepts <paramref name="size"/> as is, and why not.</summary>
    public static WireCheck ValidateSize(decimal size, int szDecimals)
    {
        if (size <= 0m) return WireCheck.Invalid($"size {size} must be greater than zero");
        int decimals = WireNumber.Decimals(size);
        return decimals > szDecimals
            ? WireCheck.Invalid($"size {WireNumber.Format(size, "size")} has {decimals} decimals; at most {szDecimals} (szDecimals) allowed")
            : WireCheck.Valid;
    }

    /// <summary>
    /// Worst acceptable price of an emulated market order (PROTOCOL §5.1 steps 2–3): reference × (1 ± slippage),
    /// rounded to 5 significant figures, then to the price decimal budget.
    /// </summary>
    public static decimal MarketPrice(decimal reference, bool isBuy, decimal slippage, int szDecimals, MarketType market,
        WireRounding rounding = WireRounding.Nearest)
    {
        if (reference <= 0m) throw new ArgumentOutOfRangeException(nameof(reference), reference, "reference price must be greater than zero");
        if (slippage is < 0m or >= 1m) throw new ArgumentOutOfRangeException(nameof(slippage), slippage, "slippage must be in [0, 1)");
        var raw = reference * (isBuy ? 1m + slippage : 1m - slippage);
        // 5 significant figures even for large prices (as both reference SDKs do), then the decimal budget.
        int place = PriceSignificantFigures - 1 - Exponent(raw);
        var significant = place >= 0
            ? Round(raw, Math.Min(place, 28), rounding)
            : Round(raw / Pow10(-place), 0, rounding) * Pow10(-place);
        var result = Round(significant, MaxPriceDecimals(szDecimals, market), rounding);
        if (result <= 0m) throw new ArgumentOutOfRangeException(nameof(reference), reference, "market price rounds to 0");
        return result;
    }

    /// <summary>floor(log10(|value|)) for a non-zero decimal, computed exactly.</summary>
    internal static int Exponent(decimal value)
    {
        value = Math.Abs(value);
        if (value >= 1m)
        {
            int exponent = 0;
            for (var integer = decimal.Truncate(value); integer >= 10m; integer = decimal.Truncate(integer / 10m)) exponent++;
            return exponent;
        }
        int negative = 0;
        while (value < 1m)
        {
            value *= 10m;
            negative--;
        }
        return negative;
    }

    internal static decimal Round(decimal value, int decimals, WireRounding rounding) => rounding switch
    {
        WireRounding.Nearest => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
        WireRounding.NearestEven => Math.Round(value, decimals, MidpointRounding.ToEven),
        WireRounding.Up => Math.Round(value, decimals, MidpointRounding.ToPositiveInfinity),
        WireRounding.Down => Math.Round(value, decimals, MidpointRounding.ToNegativeInfinity),
        WireRounding.TowardZero => Math.Round(value, decimals, MidpointRounding.ToZero),
        WireRounding.AwayFromZero => Math.Round(value, decimals, value >= 0m ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity),
        _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "unknown rounding"),
    };

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++) result *= 10m;
        return result;
    }
}
