using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>Everything the engine keeps per coin: instrument rules, book, trigger book, prices, holders.</summary>
internal sealed class Market
{
    public Market(int index, CryptoPerpetual instrument, decimal maintenanceFraction, Stack<PriceLevel> levelPool)
    {
        Index = index;
        Instrument = instrument;
        Coin = instrument.RawSymbol;
        MaintenanceFraction = maintenanceFraction;
        MaintenanceFractionRaw = ToRaw(maintenanceFraction, "maintenance margin fraction");
        MakerFeeRaw = ToRaw(instrument.MakerFee, nameof(instrument.MakerFee));
        TakerFeeRaw = ToRaw(instrument.TakerFee, nameof(instrument.TakerFee));
        MinNotionalWad = FixedMath.ToWad(instrument.MinNotional);
        Book = new MatchingBook(Coin, levelPool);
    }

    public int Index { get; }
    public string Coin { get; }
    public CryptoPerpetual Instrument { get; }
    public decimal MaintenanceFraction { get; }

    /// <summary>Rates scaled by 10^9 for integer money arithmetic on hot paths.</summary>
    public long MaintenanceFractionRaw { get; }
    public long MakerFeeRaw { get; }
    public long TakerFeeRaw { get; }
    public Int128 MinNotionalWad { get; }

    private static long ToRaw(decimal rate, string name) =>
        FixedPoint.TryFromDecimal(rate, out long raw) ? raw
        : throw new ArgumentException($"{name} {rate} must have at most {FixedPoint.Scale} decimals", name);
    public MatchingBook Book { get; }
    public TriggerBook Triggers { get; } = new();

    /// <summary>Mark price set by the venue feed; 0 until the first <see cref="MatchingEngine.SetMarkPrice"/>.</summary>
    public long MarkPxRaw;
    public long LastTradePxRaw;

    /// <summary>Accounts holding a non-zero position here (liquidation and funding scans).</summary>
    public readonly List<MarginPosition> Holders = [];

    /// <summary>The price positions are valued at: the mark, else the last trade, else 0.</summary>
    public long ValuationPxRaw => MarkPxRaw != 0 ? MarkPxRaw : LastTradePxRaw;
}
