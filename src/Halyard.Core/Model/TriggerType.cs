namespace Halyard.Core.Model;

/// <summary>Which price a trigger (stop, take-profit) order watches.</summary>
public enum TriggerType
{
    Default = 0,
    MarkPrice = 1,
    LastPrice = 2,
    BidAsk = 3,
}
