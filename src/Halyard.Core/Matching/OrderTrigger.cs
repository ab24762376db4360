namespace Halyard.Core.Matching;

/// <summary>
/// Makes an order a trigger order: it waits off-book until the mark price crosses
/// <see cref="TriggerPxRaw"/>, then becomes an IOC (when <see cref="IsMarket"/>, with the order's
/// limit price as slippage bound) or a GTC limit order.
/// </summary>
public readonly record struct OrderTrigger(long TriggerPxRaw, bool IsMarket, TpSl Kind);
