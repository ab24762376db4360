namespace Halyard.Persistence.Catalog;

/// <summary>A write whose <c>ts_init</c> interval overlaps a file already in the catalog.</summary>
public sealed class CatalogOverlapException : Exception
{
    public string ExistingPath { get; }
    public long StartNs { get; }
    public long EndNs { get; }

    public CatalogOverlapException(string existingPath, long startNs, long endNs)
        : base($"rows with ts_init {startNs}..{endNs} overlap the existing file '{existingPath}'; catalog files never overlap")
    {
        ExistingPath = existingPath;
        StartNs = startNs;
        EndNs = endNs;
    }
}
