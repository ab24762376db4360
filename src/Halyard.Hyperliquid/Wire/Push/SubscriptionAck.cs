using System.Text.Json;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>subscriptionResponse</c> data: the method and the (possibly normalised) subscription echoed back.</summary>
public sealed record SubscriptionAck
{
    public required string Method { get; init; }
    public required JsonElement Subscription { get; init; }
}
