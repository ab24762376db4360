using Halyard.Core.Model;

namespace Halyard.Core.Matching;

/// <summary>
/// An order handed to the <see cref="MatchingEngine"/>. Prices and sizes are raw fixed-point values
/// (scaled by 10^9, see <see cref="FixedPoint"/>).
/// </summary>
/// <param name="Account">Owner of the order (e.g. a lowercase address).</param>
/// <param name="Coin">Market name as registered with <see cref="MatchingEngine.AddInstrument"/>.</param>
/// <param name="PxRaw">Limit price; for a market trigger order, the worst acceptable price.</param>
/// <param name="SzRaw">Size in base units.</param>
/// <param name="Cloid">Client order id, unique per account among open orders; null for none.</param>
/// <param name="Trigger">Set for stop/take-profit orders.</param>
public readonly record struct MatchingOrder(
    string Account,
    string Coin,
    OrderSide Side,
    long PxRaw,
    long SzRaw,
    MatchingTif Tif = MatchingTif.Gtc,
    bool ReduceOnly = false,
    string? Cloid = null,
    OrderTrigger? Trigger = null);
