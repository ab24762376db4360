using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>The venue's view of one order, for reconciliation and queries.</summary>
/// <param name="ClientOrderId">Our id when the venue knows it (its cloid); null for orders placed elsewhere.</param>
/// <param name="AvgPx">Average fill price; null when nothing filled.</param>
public sealed record OrderStatusReport(
    AccountId AccountId,
    InstrumentId InstrumentId,
    ClientOrderId? ClientOrderId,
    VenueOrderId VenueOrderId,
    OrderSide Side,
    OrderType OrderType,
    TimeInForce TimeInForce,
    OrderStatus Status,
    Quantity Quantity,
    Quantity FilledQty,
    Price? Price,
    Price? TriggerPrice,
    decimal? AvgPx,
    bool ReduceOnly,
    bool PostOnly,
    long TsAccepted,
    long TsLast,
    long TsInit)
{
    /// <summary>Why a rejected or canceled order ended, when the venue says.</summary>
    public string? Reason { get; init; }

    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.Triggered or OrderStatus.PartiallyFilled
        or OrderStatus.PendingCancel or OrderStatus.PendingUpdate;
}
