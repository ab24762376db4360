using System.Text;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>
/// An immutable lookup of markets by coin, instrument id and asset id. Replaced as a whole on refresh,
/// so readers on socket threads never see a half-updated map. Coin lookups from wire bytes do not allocate.
/// </summary>
public sealed class MarketTable
{
    public static readonly MarketTable Empty = new([]);

    private readonly Dictionary<string, HyperliquidMarket> _byCoin;
    private readonly Dictionary<string, HyperliquidMarket>.AlternateLookup<ReadOnlySpan<char>> _byCoinSpan;
    private readonly Dictionary<InstrumentId, HyperliquidMarket> _byInstrument;
    private readonly Dictionary<int, HyperliquidMarket> _byAsset;

    public MarketTable(IEnumerable<HyperliquidMarket> markets)
    {
        Markets = markets.ToArray();
        _byCoin = new Dictionary<string, HyperliquidMarket>(Markets.Count, StringComparer.Ordinal);
        _byInstrument = new Dictionary<InstrumentId, HyperliquidMarket>(Markets.Count);
        _byAsset = new Dictionary<int, HyperliquidMarket>(Markets.Count);
        foreach (HyperliquidMarket market in Markets)
        {
            if (!_byCoin.TryAdd(market.Coin, market)) throw new FormatException($"coin '{market.Coin}' is listed twice");
            if (!_byAsset.TryAdd(market.AssetId, market)) throw new FormatException($"asset id {market.AssetId} is listed twice");
            _byInstrument.TryAdd(market.InstrumentId, market);
        }
        _byCoinSpan = _byCoin.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<HyperliquidMarket> Markets { get; }

    public bool TryGetByCoin(string coin, out HyperliquidMarket market) => _byCoin.TryGetValue(coin, out market!);

    /// <summary>Looks a coin up from its UTF-8 wire text without allocating.</summary>
    public bool TryGetByCoin(ReadOnlySpan<byte> utf8Coin, out HyperliquidMarket market)
    {
        if (utf8Coin.Length > 64) { market = null!; return false; }
        Span<char> chars = stackalloc char[utf8Coin.Length];
        int n = Encoding.UTF8.GetChars(utf8Coin, chars);
        return _byCoinSpan.TryGetValue(chars[..n], out market!);
    }

    public bool TryGetByInstrument(InstrumentId id, out HyperliquidMarket market) => _byInstrument.TryGetValue(id, out market!);

    public bool TryGetByAsset(int assetId, out HyperliquidMarket market) => _byAsset.TryGetValue(assetId, out market!);
}
