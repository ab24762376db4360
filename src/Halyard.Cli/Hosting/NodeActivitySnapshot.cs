using Halyard.Core.Model;

namespace Halyard.Cli.Hosting;

/// <summary>What a node has done so far. PnL is before fees; <see cref="Fees"/> are the commissions paid (negative for rebates).</summary>
public sealed record NodeActivitySnapshot(
    long Quotes,
    long Trades,
    long Orders,
    long Fills,
    long Rejections,
    long Alerts,
    decimal Fees,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    int OpenOrders,
    IReadOnlyList<(InstrumentId Instrument, decimal NetQuantity)> Positions);
