namespace Halyard.Core.Execution;

/// <summary>What a reconciliation did to bring the cache to the venue's truth.</summary>
public sealed record ReconciliationResult(
    int OrdersChecked,
    int ExternalOrdersCreated,
    int EventsGenerated,
    int FillsInferred,
    int PositionsAligned)
{
    /// <summary>True when the cache already agreed with the venue.</summary>
    public bool WasInSync => ExternalOrdersCreated == 0 && EventsGenerated == 0;
}
