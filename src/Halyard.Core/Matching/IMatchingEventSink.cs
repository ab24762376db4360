namespace Halyard.Core.Matching;

/// <summary>
/// Receives everything the matching engine does, in the order it happens. The simulator turns these
/// into exchange pushes; a backtest into order events. Called synchronously on the engine's thread.
/// </summary>
public interface IMatchingEventSink
{
    void OnOrderUpdate(in OrderUpdate update);
    void OnFill(in Fill fill);
    void OnFunding(in FundingPayment payment);
    void OnLiquidation(in Liquidation liquidation);
}
