using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid.Ws;

/// <summary>
/// Receives every data frame (subscription acks and channel pushes) on the receive loop. <paramref name="frame"/> is
/// the whole frame in a pooled buffer, valid only during the call: parse it or copy it before returning.
/// </summary>
public delegate void WsMessageHandler(WsChannel channel, ReadOnlySpan<byte> frame);
