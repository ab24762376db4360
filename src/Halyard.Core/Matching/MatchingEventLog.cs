namespace Halyard.Core.Matching;

/// <summary>An <see cref="IMatchingEventSink"/> that keeps every event in lists (tests, simple consumers).</summary>
public sealed class MatchingEventLog : IMatchingEventSink
{
    public List<OrderUpdate> Updates { get; } = [];
    public List<Fill> Fills { get; } = [];
    public List<FundingPayment> Fundings { get; } = [];
    public List<Liquidation> Liquidations { get; } = [];

    public void OnOrderUpdate(in OrderUpdate update) => Updates.Add(update);
    public void OnFill(in Fill fill) => Fills.Add(fill);
    public void OnFunding(in FundingPayment payment) => Fundings.Add(payment);
    public void OnLiquidation(in Liquidation liquidation) => Liquidations.Add(liquidation);

    public void Clear()
    {
        Updates.Clear();
        Fills.Clear();
        Fundings.Clear();
        Liquidations.Clear();
    }
}
