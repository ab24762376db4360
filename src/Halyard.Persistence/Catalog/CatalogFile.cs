using Halyard.Core.Data;

namespace Halyard.Persistence.Catalog;

/// <summary>One Parquet file of the catalog and the <c>ts_init</c> interval its name declares.</summary>
public sealed record CatalogFile(MarketDataKind Kind, string Key, string Path, long StartNs, long EndNs, long Bytes)
{
    public bool Overlaps(long startNs, long endNs) => StartNs <= endNs && startNs <= EndNs;
}
