namespace Halyard.Persistence.Catalog;

/// <summary>An inclusive <c>ts_init</c> interval in nanoseconds.</summary>
public readonly record struct CatalogInterval(long StartNs, long EndNs)
{
    public bool Contains(long ns) => ns >= StartNs && ns <= EndNs;
}
