namespace Halyard.Core.Model;

/// <summary>A bar's step, unit and price, e.g. <c>1-MINUTE-LAST</c>.</summary>
public readonly record struct BarSpecification(int Step, BarAggregation Aggregation, PriceType PriceType)
{
    /// <summary>Length of a time bar in nanoseconds (months count as 30 days).</summary>
    public long DurationNs => Aggregation switch
    {
        BarAggregation.Second => Step * 1_000_000_000L,
        BarAggregation.Minute => Step * 60_000_000_000L,
        BarAggregation.Hour => Step * 3_600_000_000_000L,
        BarAggregation.Day => Step * 86_400_000_000_000L,
        BarAggregation.Week => Step * 7 * 86_400_000_000_000L,
        BarAggregation.Month => Step * 30 * 86_400_000_000_000L,
        _ => throw new InvalidOperationException($"{Aggregation} bars have no fixed duration"),
    };

    public override string ToString() => $"{Step}-{Aggregation.ToString().ToUpperInvariant()}-{PriceType.ToString().ToUpperInvariant()}";

    public static BarSpecification Parse(string text)
    {
        string[] parts = text.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[0], out int step) || step <= 0
            || !Enum.TryParse(parts[1], ignoreCase: true, out BarAggregation aggregation)
            || !Enum.TryParse(parts[2], ignoreCase: true, out PriceType priceType))
            throw new FormatException($"invalid bar specification '{text}': expected STEP-AGGREGATION-PRICE, e.g. 1-MINUTE-LAST");
        return new BarSpecification(step, aggregation, priceType);
    }
}
