using Halyard.Core.Model;

namespace Halyard.Hyperliquid;

/// <summary>
/// One tradable market as Hyperliquid names it: the coin used by info requests and subscriptions,
/// the asset id used in exchange actions, and our instrument for it.
/// </summary>
/// <param name="Coin">"BTC" for a perp; "PURR/USDC" or "@107" for spot.</param>
/// <param name="AssetId">Index in the perp universe, or 10000 + spot pair index.</param>
/// <param name="IsDelisted">Delisted markets keep their asset id so old orders and fills still map.</param>
public sealed record HyperliquidMarket(string Coin, int AssetId, Instrument Instrument, bool IsDelisted, bool OnlyIsolated)
{
    public InstrumentId InstrumentId => Instrument.Id;
    public bool IsSpot => Instrument is CurrencyPair;
}
