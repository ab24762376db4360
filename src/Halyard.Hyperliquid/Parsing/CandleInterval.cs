using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>Hyperliquid candle intervals ("1m" … "1M") ↔ bar specifications.</summary>
public static class CandleInterval
{
    private static readonly (string Wire, BarSpecification Spec)[] Known =
    [
        ("1m", new(1, BarAggregation.Minute, PriceType.Last)),
        ("3m", new(3, BarAggregation.Minute, PriceType.Last)),
        ("5m", new(5, BarAggregation.Minute, PriceType.Last)),
        ("15m", new(15, BarAggregation.Minute, PriceType.Last)),
        ("30m", new(30, BarAggregation.Minute, PriceType.Last)),
        ("1h", new(1, BarAggregation.Hour, PriceType.Last)),
        ("2h", new(2, BarAggregation.Hour, PriceType.Last)),
        ("4h", new(4, BarAggregation.Hour, PriceType.Last)),
        ("8h", new(8, BarAggregation.Hour, PriceType.Last)),
        ("12h", new(12, BarAggregation.Hour, PriceType.Last)),
        ("1d", new(1, BarAggregation.Day, PriceType.Last)),
        ("3d", new(3, BarAggregation.Day, PriceType.Last)),
        ("1w", new(1, BarAggregation.Week, PriceType.Last)),
        ("1M", new(1, BarAggregation.Month, PriceType.Last)),
    ];

    /// <summary>The wire interval for a bar specification; false when Hyperliquid has no such candle.</summary>
    public static bool TryToWire(BarSpecification spec, out string wire)
    {
        foreach (var (w, s) in Known)
            if (s.Step == spec.Step && s.Aggregation == spec.Aggregation) { wire = w; return true; }
        wire = "";
        return false;
    }

    public static bool TryFromWire(ReadOnlySpan<byte> utf8, out BarSpecification spec)
    {
        foreach (var (w, s) in Known)
        {
            if (utf8.Length != w.Length) continue;
            bool same = true;
            for (int i = 0; i < w.Length && same; i++) same = utf8[i] == w[i];
            if (same) { spec = s; return true; }
        }
        spec = default;
        return false;
    }
}
