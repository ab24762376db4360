namespace Halyard.Hyperliquid.Ws;

public enum WsConnectionState
{
    NotStarted,
    Connecting,
    Connected,
    /// <summary>Lost; waiting for the backoff delay before the next attempt.</summary>
    Reconnecting,
    Stopped,
}
