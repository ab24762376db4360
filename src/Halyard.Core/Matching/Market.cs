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
        Book = new MatchingBook(Coin, levelPool);
    }

    public int Index { get; }
    public string Coin { get; }
    public CryptoPerpetual Instrument { get; }
    public decimal MaintenanceFraction { get; }
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
