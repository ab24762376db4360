namespace Halyard.Hyperliquid.Ws;

/// <summary>
/// Raised after a connection was lost and re-established and every subscription was re-sent. Data between
/// <see cref="DisconnectedAt"/> and <see cref="ReconnectedAt"/> may be missing: reconcile orders and fills over REST.
/// </summary>
public sealed record WsReconnected(DateTimeOffset DisconnectedAt, DateTimeOffset ReconnectedAt, int Attempts, int Resubscribed, string Reason)
{
    public TimeSpan Gap => ReconnectedAt - DisconnectedAt;
}
