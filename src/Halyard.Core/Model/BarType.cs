namespace Halyard.Core.Model;

/// <summary>Which bars: <c>BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL</c>.</summary>
public sealed record BarType(InstrumentId InstrumentId, BarSpecification Specification, AggregationSource Source = AggregationSource.External)
{
    public override string ToString() => $"{InstrumentId}-{Specification}-{Source.ToString().ToUpperInvariant()}";

    public static BarType Parse(string text)
    {
        // The symbol itself contains '-', so split from the right: ...-STEP-AGG-PRICE-SOURCE
        string[] parts = text.Split('-');
        if (parts.Length < 5 || !Enum.TryParse(parts[^1], ignoreCase: true, out AggregationSource source))
            throw new FormatException($"invalid bar type '{text}': expected INSTRUMENT-STEP-AGGREGATION-PRICE-SOURCE");
        var spec = BarSpecification.Parse(string.Join('-', parts[^4..^1]));
        var instrument = InstrumentId.Parse(string.Join('-', parts[..^4]));
        return new BarType(instrument, spec, source);
    }
}
