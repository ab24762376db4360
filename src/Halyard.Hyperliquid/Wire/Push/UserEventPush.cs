using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire.Push;

/// <summary><c>user</c> channel data (the <c>userEvents</c> subscription): exactly one of the members is set.</summary>
public sealed record UserEventPush
{
    public IReadOnlyList<UserFill>? Fills { get; init; }
    public FundingPayment? Funding { get; init; }
    public LiquidationEvent? Liquidation { get; init; }
    public IReadOnlyList<NonUserCancel>? NonUserCancel { get; init; }
}
