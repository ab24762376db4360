namespace Halyard.Persistence.Catalog;

/// <summary>What a query does with a corrupt, truncated or foreign file.</summary>
public enum BadFilePolicy
{
    /// <summary>Report it (logged and listed in the reader's problems) and read the rest.</summary>
    Skip,
    /// <summary>Fail the query with a <see cref="CatalogFormatException"/>.</summary>
    Refuse,
}
