using Halyard.Core.Data;

namespace Halyard.Persistence.Catalog;

public sealed partial class ParquetDataCatalog
{
    /// <summary>
    /// The parts of [<paramref name="startNs"/>, <paramref name="endNs"/>] that no file of this kind and key covers
    /// (NautilusTrader's <c>get_missing_intervals_for_request</c>): what a backfill may still write there without
    /// overlapping a file. Rows between two files' intervals are not looked for: a file covers its whole span.
    /// </summary>
    public IReadOnlyList<CatalogInterval> MissingIntervals(MarketDataKind kind, string key, long startNs, long endNs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startNs, endNs);
        string safeKey = SafeKey(key);
        var missing = new List<CatalogInterval>();
        long cursor = startNs;
        foreach (CatalogFile file in Files(kind, k => k == safeKey).Where(f => f.Overlaps(startNs, endNs)).OrderBy(f => f.StartNs))
        {
            if (file.StartNs > cursor) missing.Add(new CatalogInterval(cursor, file.StartNs - 1));
            if (file.EndNs >= endNs) return missing;
            cursor = Math.Max(cursor, file.EndNs + 1);
        }
        missing.Add(new CatalogInterval(cursor, endNs));
        return missing;
    }
}
