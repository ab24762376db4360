using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>
/// Everything a venue says about an account at one moment: every open order (and the recent closed
/// ones it still knows), recent fills and positions. Reconciliation brings the cache to this truth.
/// </summary>
public sealed record ExecutionMassStatus(
    string ClientId,
    AccountId AccountId,
    Venue Venue,
    IReadOnlyList<OrderStatusReport> OrderReports,
    IReadOnlyList<FillReport> FillReports,
    IReadOnlyList<PositionStatusReport> PositionReports,
    long TsInit)
{
    /// <summary>
    /// True when <see cref="OrderReports"/> lists every order open at the venue, so an order we think is
    /// open but the venue does not list has ended there (the usual case for a full status).
    /// </summary>
    public bool ListsAllOpenOrders { get; init; } = true;

    /// <summary>True when <see cref="PositionReports"/> lists every non-flat position, so an instrument it leaves out is flat at the venue.</summary>
    public bool ListsAllPositions { get; init; } = true;
}
