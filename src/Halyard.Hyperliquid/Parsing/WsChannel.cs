namespace Halyard.Hyperliquid.Parsing;

/// <summary>The <c>channel</c> of a server → client WebSocket frame.</summary>
public enum WsChannel : byte
{
    Unknown = 0,
    Bbo,
    Trades,
    L2Book,
    Candle,
    ActiveAssetCtx,
    AllMids,
    OrderUpdates,
    UserFills,
    /// <summary>The <c>userEvents</c> subscription's channel is named "user".</summary>
    User,
    UserFundings,
    Post,
    Pong,
    SubscriptionResponse,
    Error,
}
