namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>Body of a <c>filled</c> status.</summary>
public sealed record FilledBody
{
    public required decimal TotalSz { get; init; }
    public required decimal AvgPx { get; init; }
    public required long Oid { get; init; }
    public string? Cloid { get; init; }
}
