namespace Halyard.Persistence.Catalog;

/// <summary>How the catalog lays out and reads its files.</summary>
public sealed record CatalogOptions
{
    /// <summary>The default root, relative to the working directory.</summary>
    public const string DefaultRoot = "./catalog/hyperliquid";

    /// <summary>No file spans two of these intervals (aligned to the epoch), e.g. one file or more per hour.</summary>
    public TimeSpan RotationInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The rotation of sparse kinds (bars, funding rates): an hour of them is too few rows for a file of its own.</summary>
    public TimeSpan SparseRotationInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The rotation interval of <paramref name="kind"/> in nanoseconds.</summary>
    public long RotationNs(Core.Data.MarketDataKind kind) =>
        (kind is Core.Data.MarketDataKind.Bar or Core.Data.MarketDataKind.FundingRateUpdate ? SparseRotationInterval : RotationInterval).Ticks * 100;

    /// <summary>Rows per Parquet row group (NautilusTrader writes 5,000).</summary>
    public int RowGroupSize { get; init; } = 5_000;

    public BadFilePolicy BadFiles { get; init; } = BadFilePolicy.Skip;

    /// <summary>Force written files to disk before they are renamed into place (crash safety; costs a sync per file).</summary>
    public bool SyncOnWrite { get; init; } = true;

    public void Validate()
    {
        if (RotationInterval < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(RotationInterval), RotationInterval, "must be at least one second");
        if (SparseRotationInterval < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(SparseRotationInterval), SparseRotationInterval, "must be at least one second");
        if (RowGroupSize is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(RowGroupSize), RowGroupSize, "must be between 1 and 1,000,000");
    }
}
