namespace Halyard.Core.Model;

/// <summary>The unit of a bar's step.</summary>
public enum BarAggregation
{
    Second = 1,
    Minute = 2,
    Hour = 3,
    Day = 4,
    Week = 5,
    Month = 6,
    Tick = 7,
}
