using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Mapping;

/// <summary>Converts the wire DTOs of user channels, info answers and exchange answers into the tracker's inputs.</summary>
public static class VenueMessages
{
    public static VenueFill ToFill(UserFill f) =>
        new(f.Coin, (ulong)f.Oid, f.Cloid?.ToLowerInvariant(), f.Tid, f.Px, f.Sz, f.IsBuy, f.Time, f.Fee, f.FeeToken ?? "USDC", f.Crossed);

    public static VenueOrderUpdate ToUpdate(OrderUpdate u) =>
        new(u.Order.Coin, (ulong)u.Order.Oid, u.Order.Cloid?.ToLowerInvariant(), u.Order.IsBuy, u.Order.LimitPx, u.Order.Sz, u.Order.OrigSz,
            u.Status, u.StatusTimestamp, u.Order.Timestamp, u.Order.ReduceOnly);

    /// <summary>An open order from <c>frontendOpenOrders</c>, as an "open" update.</summary>
    public static VenueOrderUpdate ToUpdate(FrontendOpenOrder o, long nowMs) =>
        new(o.Coin, (ulong)o.Oid, o.Cloid?.ToLowerInvariant(), o.IsBuy, o.LimitPx, o.Sz, o.OrigSz, "open", nowMs, o.Timestamp, o.ReduceOnly,
            o.IsTrigger ? o.TriggerPx : null, o.OrderType);

    public static VenueOrderStatus ToStatus(ExchangeStatus s) => s.Kind switch
    {
        ExchangeStatusKind.Resting => VenueOrderStatus.Resting((ulong)(s.Oid ?? 0)),
        ExchangeStatusKind.Filled => VenueOrderStatus.Filled((ulong)(s.Oid ?? 0), s.TotalSz ?? 0m, s.AvgPx ?? 0m),
        ExchangeStatusKind.WaitingForFill or ExchangeStatusKind.WaitingForTrigger => VenueOrderStatus.Waiting(),
        ExchangeStatusKind.Error => VenueOrderStatus.Rejected(s.Error ?? "rejected"),
        _ => VenueOrderStatus.Rejected(s.Error ?? s.RawText ?? "unexpected status"),
    };

    /// <summary>Parses an <c>orderUpdates</c> frame.</summary>
    public static ApiResult<IReadOnlyList<OrderUpdate>> ParseOrderUpdates(ReadOnlySpan<byte> frame) =>
        WireJson.ParsePushData(frame, HyperliquidJsonContext.Default.WsPushIReadOnlyListOrderUpdate);

    /// <summary>Parses a <c>userFills</c> frame (the first after subscribing is a snapshot).</summary>
    public static ApiResult<UserFillsPush> ParseUserFills(ReadOnlySpan<byte> frame) =>
        WireJson.ParsePushData(frame, HyperliquidJsonContext.Default.WsPushUserFillsPush);

    /// <summary>Parses a <c>user</c> (userEvents) frame: fills, funding, liquidation or non-user cancels.</summary>
    public static ApiResult<UserEventPush> ParseUserEvent(ReadOnlySpan<byte> frame) =>
        WireJson.ParsePushData(frame, HyperliquidJsonContext.Default.WsPushUserEventPush);
}
