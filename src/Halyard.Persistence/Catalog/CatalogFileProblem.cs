namespace Halyard.Persistence.Catalog;

/// <summary>A file a query skipped or a listing could not read, and why.</summary>
public sealed record CatalogFileProblem(string Path, string Reason);
