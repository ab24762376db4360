namespace Halyard.Hyperliquid.Ws;

/// <summary>The answer to a WS post: its kind and the raw JSON of <c>response.payload</c>.</summary>
public sealed record WsPostAnswer(long Id, WsPostKind Kind, byte[] Payload);
