namespace Halyard.Hyperliquid.Wire.Push;

/// <summary>A server → client WebSocket frame: <c>{"channel":"…","data":…}</c>.</summary>
public sealed record WsPush<T>
{
    public required string Channel { get; init; }
    public T? Data { get; init; }
}
