using Halyard.Persistence.Catalog;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary>A catalog in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempCatalog : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "halyard-catalog-tests", Guid.NewGuid().ToString("N"));
    public ParquetDataCatalog Catalog { get; }

    public TempCatalog(CatalogOptions? options = null)
    {
        Directory.CreateDirectory(Root);
        Catalog = new ParquetDataCatalog(Root, options ?? new CatalogOptions { SyncOnWrite = false });
    }

    public string[] ParquetFiles() =>
        Directory.EnumerateFiles(Root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
