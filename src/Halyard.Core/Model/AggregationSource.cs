namespace Halyard.Core.Model;

/// <summary>Whether bars come from the venue or are built locally.</summary>
public enum AggregationSource
{
    External = 1,
    Internal = 2,
}
