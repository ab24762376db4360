using Halyard.Core.Data;

namespace Halyard.Persistence.Catalog;

/// <summary>What the catalog holds for one kind and instrument (or bar type).</summary>
/// <param name="Rows">Rows in the readable files.</param>
/// <param name="BadFiles">Files that could not be read (corrupt, truncated, foreign, newer schema).</param>
/// <param name="TemporaryFiles">Leftovers of interrupted writes (<c>.tmp</c>), ignored by readers.</param>
public sealed record CatalogEntry(
    MarketDataKind Kind,
    string Key,
    int Files,
    long Rows,
    long Bytes,
    long StartNs,
    long EndNs,
    int BadFiles,
    int TemporaryFiles);
