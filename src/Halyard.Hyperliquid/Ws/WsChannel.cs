namespace Halyard.Hyperliquid.Ws;

/// <summary>The <c>channel</c> of a server frame, recognised without allocating.</summary>
public enum WsChannel
{
    /// <summary>A channel this client does not know (delivered raw all the same).</summary>
    Unknown,
    SubscriptionResponse,
    Pong,
    Error,
    Post,
    AllMids,
    L2Book,
    Trades,
    Bbo,
    Candle,
    OrderUpdates,
    UserFills,
    /// <summary>The <c>userEvents</c> subscription's channel (fills, funding, liquidation, nonUserCancel).</summary>
    User,
    UserFundings,
    UserNonFundingLedgerUpdates,
    ActiveAssetCtx,
    ActiveSpotAssetCtx,
    ActiveAssetData,
    WebData2,
    Notification,
}
